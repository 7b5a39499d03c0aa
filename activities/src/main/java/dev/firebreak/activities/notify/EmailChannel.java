package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Email over SMTP (SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM, SMTP_STARTTLS):
 * a text part and an HTML part, each with signed Acknowledge and Resolve links to a confirmation
 * page at FIREBREAK_PUBLIC_URL. SMTP errors throw, so the send is retried.
 */
@Component
public class EmailChannel implements NotificationChannel {

  private final JavaMailSenderImpl mail = new JavaMailSenderImpl();
  private final String from;
  private final ActionLinks links;
  private final TwilioSettings urls;

  public EmailChannel(
      @Value("${firebreak.smtp.host:}") String host,
      @Value("${firebreak.smtp.port:25}") int port,
      @Value("${firebreak.smtp.username:}") String username,
      @Value("${firebreak.smtp.password:}") String password,
      @Value("${firebreak.smtp.from:firebreak@localhost}") String from,
      @Value("${firebreak.smtp.starttls:false}") boolean starttls,
      ActionLinks links, TwilioSettings urls) {
    mail.setHost(host);
    mail.setPort(port);
    if (!username.isBlank()) {
      mail.setUsername(username);
      mail.setPassword(password);
    }
    Properties props = mail.getJavaMailProperties();
    props.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
    props.put("mail.smtp.starttls.enable", String.valueOf(starttls));
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "10000");
    this.from = from;
    this.links = links;
    this.urls = urls;
  }

  @Override
  public ContactType type() {
    return ContactType.EMAIL;
  }

  @Override
  public boolean configured() {
    return mail.getHost() != null && !mail.getHost().isBlank();
  }

  @Override
  public Delivery send(Message message) {
    MimeMessage mime = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(message.to().value());
      helper.setSubject(message.subject());
      Message.PagedIncident incident = message.single();
      if (incident == null) {
        helper.setText(message.text(), "<p>" + HtmlUtils.htmlEscape(message.text()) + "</p>");
      } else {
        String ack = link(incident.id(), ActionLinks.Action.ACKNOWLEDGE, message.to().userId());
        String resolve = link(incident.id(), ActionLinks.Action.RESOLVE, message.to().userId());
        helper.setText(message.text() + "\n\nAcknowledge: " + ack + "\nResolve: " + resolve
                + "\n",
            "<p>" + HtmlUtils.htmlEscape(message.text()) + "</p><p><a href=\""
                + HtmlUtils.htmlEscape(ack) + "\">Acknowledge</a> &middot; <a href=\""
                + HtmlUtils.htmlEscape(resolve) + "\">Resolve</a></p>");
      }
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    try {
      mail.send(mime);
    } catch (MailException e) {
      throw new IllegalStateException("SMTP failed: " + e.getMessage(), e);
    }
    return Delivery.accepted(null);
  }

  private String link(long incidentId, ActionLinks.Action action, long userId) {
    return urls.publicUrl() + "/api/v1/notify/email/act?token="
        + links.token(incidentId, action, userId);
  }
}

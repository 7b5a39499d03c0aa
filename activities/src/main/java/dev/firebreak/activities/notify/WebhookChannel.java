package dev.firebreak.activities.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import dev.firebreak.workflows.notify.messages.ContactType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A page posted as JSON to a URL: {@code {"type":"firebreak.page","user":...,"text":...,
 * "incidents":[{"id","title","priority"}]}}, signed like Stripe and Slack sign theirs: header
 * {@code Firebreak-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} keyed by
 * FIREBREAK_WEBHOOK_SECRET. The receiver recomputes it and refuses old timestamps. Retried by
 * the plan on 5xx and transport errors.
 */
@Component
public class WebhookChannel implements NotificationChannel {

  public static final String HEADER = "Firebreak-Signature";

  private final WebhookPoster http;
  private final String secret;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  public WebhookChannel(WebhookPoster http,
      @Value("${firebreak.notify.webhook-secret:}") String secret) {
    this(http, secret, Clock.systemUTC());
  }

  WebhookChannel(WebhookPoster http, String secret, Clock clock) {
    this.http = http;
    this.secret = secret;
    this.clock = clock;
  }

  @Override
  public ContactType type() {
    return ContactType.WEBHOOK;
  }

  @Override
  public boolean configured() {
    return secret != null && !secret.isBlank();
  }

  @Override
  public Delivery send(Message message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", message.sendId() == null ? "firebreak.verification" : "firebreak.page");
    body.put("user", message.userName());
    body.put("subject", message.subject());
    body.put("text", message.text());
    List<Map<String, Object>> incidents = message.incidents().stream()
        .map(i -> Map.<String, Object>of("id", i.id(), "title", i.title(),
            "priority", i.priority() == null ? "" : i.priority()))
        .toList();
    body.put("incidents", incidents);
    String raw;
    try {
      raw = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    long t = clock.instant().getEpochSecond();
    return http.post(message.to().value(), raw, Map.of(HEADER, signature(secret, t, raw)));
  }

  /** {@code t=<seconds>,v1=<hex HMAC-SHA256 over "t.body">}. */
  public static String signature(String secret, long t, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.firebreak.api.twilio;

import dev.firebreak.activities.notify.DeliveryReports;
import dev.firebreak.activities.notify.PageSend;
import dev.firebreak.activities.notify.SentPages;
import dev.firebreak.activities.notify.reply.PageReplies;
import dev.firebreak.activities.notify.TwilioSettings;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.workflows.incident.messages.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Twilio's callbacks: SMS replies ("4821a" acknowledges, "4821r" resolves), the voice menu as
 * TwiML (1 acknowledges, 2 resolves) and delivery statuses. Every request must carry Twilio's
 * {@code X-Twilio-Signature} over FIREBREAK_PUBLIC_URL plus the path: a bad or missing one is
 * {@code 403} and changes nothing. Twilio posts forms: any other body is {@code 415}.
 */
@RestController
@RequestMapping("/api/v1/twilio")
@Tag(name = "Twilio", description = "Callbacks from Twilio, signed with X-Twilio-Signature")
public class TwilioWebhookController {

  static final String SIGNATURE = "X-Twilio-Signature";
  static final MediaType TWIML = MediaType.APPLICATION_XML;
  private static final Pattern REPLY = Pattern.compile("^\\s*(\\d{4})\\s*([aArR])\\b.*",
      Pattern.DOTALL);

  private final TwilioSettings settings;
  private final SentPages sends;
  private final PageReplies replies;
  private final DeliveryReports reports;

  public TwilioWebhookController(TwilioSettings settings, SentPages sends, PageReplies replies,
      DeliveryReports reports) {
    this.settings = settings;
    this.sends = sends;
    this.replies = replies;
    this.reports = reports;
  }

  @PostMapping(path = "/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "An SMS reply", description = "\"4821a\" acknowledges and \"4821r\""
      + " resolves the incident of the page that carried code 4821 to this number")
  public ResponseEntity<String> sms(HttpServletRequest request) {
    Map<String, String> p = verified(request);
    String from = p.getOrDefault("From", "");
    Matcher reply = REPLY.matcher(p.getOrDefault("Body", ""));
    if (!reply.matches()) {
      return message("Reply with the code of a page followed by a to acknowledge or r to"
          + " resolve, e.g. 4821a.");
    }
    Optional<PageSend> send = sends.byReplyCode(from, reply.group(1));
    if (send.isEmpty()) {
      return message("No page with code " + reply.group(1) + " was sent to this number.");
    }
    PageReplies.Action action = reply.group(2).equalsIgnoreCase("a")
        ? PageReplies.Action.ACKNOWLEDGE : PageReplies.Action.RESOLVE;
    return message(replies.apply(send.get().incidentId(), action, send.get().userId(),
        Actor.Channel.SMS, "sms-" + p.getOrDefault("MessageSid", from + "-" + reply.group())));
  }

  @PostMapping(path = "/voice", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "A call's menu", description = "Reads the incident; 1 acknowledges,"
      + " 2 resolves")
  public ResponseEntity<String> voice(HttpServletRequest request) {
    Map<String, String> p = verified(request);
    Optional<PageSend> send = sendOf(request);
    if (send.isEmpty()) {
      return twiml("<Say>This call is not about an incident Firebreak knows. Goodbye.</Say>");
    }
    long incident = send.get().incidentId();
    String digits = p.get("Digits");
    if (digits == null || digits.isBlank()) {
      String action = settings.publicUrl() + "/api/v1/twilio/voice?send=" + send.get().id();
      return twiml("<Gather numDigits=\"1\" method=\"POST\" action=\""
          + HtmlUtils.htmlEscape(action) + "\"><Say>This is Firebreak. Incident " + incident
          + " needs you. Press 1 to acknowledge, 2 to resolve.</Say></Gather>"
          + "<Say>No key pressed. Goodbye.</Say>");
    }
    String callSid = p.getOrDefault("CallSid", "send-" + send.get().id());
    PageReplies.Action action = switch (digits.trim()) {
      case "1" -> PageReplies.Action.ACKNOWLEDGE;
      case "2" -> PageReplies.Action.RESOLVE;
      default -> null;
    };
    if (action == null) {
      return twiml("<Say>Press 1 to acknowledge, 2 to resolve.</Say><Redirect method=\"POST\">"
          + HtmlUtils.htmlEscape(settings.publicUrl() + "/api/v1/twilio/voice?send="
              + send.get().id()) + "</Redirect>");
    }
    String said = replies.apply(incident, action, send.get().userId(), Actor.Channel.VOICE,
        "voice-" + callSid);
    return twiml("<Say>" + HtmlUtils.htmlEscape(said) + " Goodbye.</Say>");
  }

  @PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "A delivery status", description = "Kept on the send; final ones go on"
      + " the incident's timeline")
  public ResponseEntity<Void> status(HttpServletRequest request) {
    Map<String, String> p = verified(request);
    Optional<PageSend> send = sendOf(request);
    if (send.isPresent()) {
      String status = p.getOrDefault("MessageStatus", p.get("CallStatus"));
      reports.report(send.get().id(), status);
    }
    return ResponseEntity.noContent().build();
  }

  /** The POST parameters, once Twilio's signature over them is checked; else 403. */
  private Map<String, String> verified(HttpServletRequest request) {
    String query = request.getQueryString();
    String url = settings.publicUrl() + request.getRequestURI()
        + (query == null ? "" : "?" + query);
    var fromQuery = query == null ? Map.<String, List<String>>of()
        : UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams();
    Map<String, List<String>> posted = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> {
      if (!fromQuery.containsKey(name)) {
        posted.put(name, Arrays.asList(values));
      }
    });
    if (!TwilioSignature.valid(settings.authToken(), url, posted,
        request.getHeader(SIGNATURE))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "missing or wrong " + SIGNATURE);
    }
    Map<String, String> first = new LinkedHashMap<>();
    posted.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
    return first;
  }

  private Optional<PageSend> sendOf(HttpServletRequest request) {
    try {
      String id = request.getParameter("send");
      return id == null ? Optional.empty() : sends.find(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ResponseEntity<String> message(String text) {
    return twiml("<Message>" + HtmlUtils.htmlEscape(text) + "</Message>");
  }

  private static ResponseEntity<String> twiml(String inner) {
    return ResponseEntity.ok().contentType(TWIML)
        .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + inner + "</Response>");
  }
}

package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.api.twilio.TwilioSignature;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Contact methods, notification rules and their channels end to end: the real Temporal dev
 * server and PostgreSQL, Twilio faked at its HTTP boundary (form and basic auth checked), a real
 * SMTP server (GreenMail), Twilio's callbacks signed as Twilio signs them.
 */
class ReachingPeopleEndToEndTest extends EndToEndTest {

  static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
  static final String DIGITS = String.format("%06d", System.nanoTime() % 1_000_000L);

  final HttpClient raw = HttpClient.newHttpClient();

  static String phone(int n) {
    return "+3361" + DIGITS + n + "0";
  }

  long user(String name, String slackUserId) {
    String slack = slackUserId == null ? "" : ",\"slackUserId\":\"" + slackUserId + "\"";
    return create("/api/v1/users", "{\"name\":\"" + name + "\",\"email\":\"" + name + RUN
        + "@reach.test\"" + slack + "}");
  }

  long method(long user, String type, String value) {
    return create("/api/v1/users/" + user + "/contact-methods",
        "{\"type\":\"" + type + "\",\"value\":\"" + value + "\"}");
  }

  void rule(long user, long method, int delay) {
    create("/api/v1/users/" + user + "/notification-rules",
        "{\"contactMethodId\":" + method + ",\"delayMinutes\":" + delay + "}");
  }

  /** Sends a code, reads it from what Twilio was asked to send, and verifies with it. */
  void verify(long user, long method, String number, boolean voice) {
    String path = "/api/v1/users/" + user + "/contact-methods/" + method;
    assertThat(http.post(path + "/send-code", "{}").status()).isEqualTo(202);
    List<Map<String, String>> sent = voice ? FakeTwilio.shared().callsTo(number)
        : FakeTwilio.shared().messagesTo(number);
    String text = sent.get(sent.size() - 1).get(voice ? "Twiml" : "Body");
    Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    assertThat(code.find()).as(text).isTrue();
    assertProblem(http.post(path + "/verify", "{\"code\":\"" + wrong(code.group(1)) + "\"}"),
        400, "code");
    assertThat(http.get(path).json().get("verified").asBoolean()).isFalse();
    JsonNode verified = http.post(path + "/verify", "{\"code\":\"" + code.group(1) + "\"}")
        .json();
    assertThat(verified.get("verified").asBoolean()).isTrue();
    assertProblem(http.post(path + "/verify", "{\"code\":\"" + code.group(1) + "\"}"), 409,
        "no code was sent");
  }

  static String wrong(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  /** An incident on a new service whose policy pages {@code user} in one long step. */
  long incidentPaging(long user, String title) {
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Reach %s %s", "steps": [{"delayMinutes": 30,
         "targets": [{"type": "user", "id": %d}]}]}""".formatted(title, RUN, user));
    long service = create("/api/v1/services", "{\"name\":\"Reach " + title + " " + RUN
        + "\",\"escalationPolicyId\":" + policy + "}");
    return create("/api/v1/incidents", "{\"title\":\"" + title + "\",\"serviceId\":" + service
        + "}");
  }

  Map<String, String> byChannel(long incident) {
    Map<String, String> states = new LinkedHashMap<>();
    http.get("/api/v1/incidents/" + incident + "/notifications").json()
        .forEach(n -> states.put(n.get("channel").asText(), n.get("status").asText()));
    return states;
  }

  String timeline(long incident) {
    List<String> messages = new ArrayList<>();
    http.get("/api/v1/incidents/" + incident).json().get("timeline")
        .forEach(e -> messages.add(e.get("message").asText()));
    return String.join("\n", messages);
  }

  /** POSTs a form to a Twilio callback, signed with {@code token} over {@code signedParams}. */
  Http.Response twilio(String pathAndQuery, Map<String, String> params, String token,
      Map<String, String> signedParams) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(params.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"))));
    if (token != null) {
      Map<String, List<String>> signed = new LinkedHashMap<>();
      signedParams.forEach((k, v) -> signed.put(k, List.of(v)));
      request.header("X-Twilio-Signature",
          TwilioSignature.sign(token, FakeTwilio.PUBLIC_URL + pathAndQuery, signed));
    }
    return send(request);
  }

  Http.Response twilio(String pathAndQuery, Map<String, String> params) {
    return twilio(pathAndQuery, params, FakeTwilio.TOKEN, params);
  }

  @Test
  void slackAtZeroSmsAtOneCallAtThreeAndAnSmsReplyStopsTheCall() {
    String slackId = "U0R" + RUN;
    String number = phone(1);
    long alice = user("Alice", null);
    long slack = method(alice, "slack", slackId);
    long sms = method(alice, "sms", number);
    long voice = method(alice, "voice", number);
    verify(alice, sms, number, false);
    verify(alice, voice, number, true);
    rule(alice, slack, 0);
    rule(alice, sms, 1);
    rule(alice, voice, 3);
    int callsBefore = FakeTwilio.shared().callsTo(number).size();
    int smsBefore = FakeTwilio.shared().messagesTo(number).size();

    long incident = incidentPaging(alice, "Rules " + RUN);
    EscalationCrashTest.await("the Slack DM at minute 0", Duration.ofSeconds(30),
        () -> FakeSlack.shared().messagesTo(slackId).size() == 1);
    assertThat(FakeSlack.shared().messagesTo(slackId).get(0).getBodyAsString())
        .contains("incident_acknowledge");
    assertThat(byChannel(incident)).containsEntry("slack", "sent").containsEntry("sms", "due")
        .containsEntry("voice", "due");
    assertThat(FakeTwilio.shared().messagesTo(number)).hasSize(smsBefore);

    EscalationCrashTest.await("the SMS at minute 1", Duration.ofSeconds(90),
        () -> FakeTwilio.shared().messagesTo(number).size() == smsBefore + 1);
    Map<String, String> page = FakeTwilio.shared().messagesTo(number).get(smsBefore);
    assertThat(page.get("From")).isEqualTo(FakeTwilio.FROM);
    assertThat(page.get("StatusCallback")).startsWith(FakeTwilio.PUBLIC_URL
        + "/api/v1/twilio/status?send=");
    Matcher reply = Pattern.compile("Reply (\\d{4})a to acknowledge, \\1r to resolve")
        .matcher(page.get("Body"));
    assertThat(reply.find()).as(page.get("Body")).isTrue();
    assertThat(page.get("Body")).contains("#" + incident, "Rules " + RUN);
    String code = reply.group(1);

    // a delivery status, signed, goes on the send and the timeline once
    String status = page.get("StatusCallback").substring(FakeTwilio.PUBLIC_URL.length());
    Map<String, String> delivered = Map.of("MessageSid", "SM1" + RUN, "MessageStatus",
        "delivered");
    assertThat(twilio(status, delivered).status()).isEqualTo(204);
    assertThat(twilio(status, delivered).status()).isEqualTo(204);
    EscalationCrashTest.await("the delivery on the timeline", Duration.ofSeconds(10),
        () -> timeline(incident).contains("SMS to Alice (+33 6 … " + number.substring(
            number.length() - 2) + ") delivered"));

    // forged replies change nothing
    Map<String, String> ack = Map.of("From", number, "Body", code + "a", "MessageSid",
        "SMreply" + RUN);
    assertProblem(twilio("/api/v1/twilio/sms", ack, "wrong-token", ack), 403,
        "X-Twilio-Signature");
    assertProblem(twilio("/api/v1/twilio/sms", ack, FakeTwilio.TOKEN,
        Map.of("From", number, "Body", code + "r", "MessageSid", "SMreply" + RUN)), 403,
        "X-Twilio-Signature");
    assertProblem(twilio("/api/v1/twilio/sms", ack, null, ack), 403, "X-Twilio-Signature");
    assertThat(http.get("/api/v1/incidents/" + incident).json().get("keyEvents")
        .get("acknowledged").isNull()).isTrue();

    Http.Response answer = twilio("/api/v1/twilio/sms", ack);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("<Message>Incident #" + incident + " acknowledged.");
    assertThat(twilio("/api/v1/twilio/sms", ack).status()).isEqualTo(200);
    EscalationCrashTest.await("the call cancelled", Duration.ofSeconds(20),
        () -> "stopped".equals(byChannel(incident).get("voice")));
    assertThat(timeline(incident)).contains("Acknowledged by Alice via SMS");
    assertThat(FakeTwilio.shared().callsTo(number)).hasSize(callsBefore);
    assertThat(FakeSlack.shared().messagesTo(slackId)).hasSize(1);
  }

  @Test
  void aVoiceKeyPressAcknowledges() {
    String number = phone(2);
    long bob = user("Bob", null);
    long voice = method(bob, "voice", number);
    verify(bob, voice, number, true);
    int before = FakeTwilio.shared().callsTo(number).size();
    long incident = incidentPaging(bob, "Voice " + RUN);

    EscalationCrashTest.await("the call", Duration.ofSeconds(30),
        () -> FakeTwilio.shared().callsTo(number).size() == before + 1);
    Map<String, String> call = FakeTwilio.shared().callsTo(number).get(before);
    String menu = call.get("Url").substring(FakeTwilio.PUBLIC_URL.length());
    assertThat(menu).startsWith("/api/v1/twilio/voice?send=");
    Http.Response gather = twilio(menu, Map.of("CallSid", "CA" + RUN));
    assertThat(gather.body()).contains("<Gather numDigits=\"1\"", "Incident " + incident,
        "Press 1 to acknowledge, 2 to resolve");
    Map<String, String> tampered = Map.of("CallSid", "CA" + RUN, "Digits", "2");
    assertThat(twilio(menu, tampered, FakeTwilio.TOKEN,
        Map.of("CallSid", "CA" + RUN, "Digits", "1")).status()).isEqualTo(403);
    Http.Response pressed = twilio(menu, Map.of("CallSid", "CA" + RUN, "Digits", "1"));
    assertThat(pressed.body()).contains("<Say>Incident #" + incident + " acknowledged.");
    EscalationCrashTest.await("the acknowledgement", Duration.ofSeconds(10),
        () -> timeline(incident).contains("Acknowledged by Bob via a phone call"));
    assertThat(http.get("/api/v1/incidents/" + incident).json().get("status").asText())
        .isEqualTo("OPEN");
  }

  @Test
  void anEmailLinkAcknowledgesOnlyOnPost() throws Exception {
    String address = "carol" + RUN.toLowerCase() + "@reach.test";
    long carol = user("Carol", null);
    method(carol, "email", address);
    long incident = incidentPaging(carol, "Email " + RUN);

    EscalationCrashTest.await("the email", Duration.ofSeconds(30), () -> FakeSmtp.shared().to(address).size() == 1);
    MimeMessage mail = FakeSmtp.shared().to(address).get(0);
    assertThat(mail.getSubject()).contains("#" + incident);
    String content = new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(content).contains("text/plain", "text/html");
    Matcher link = Pattern.compile(Pattern.quote(FakeTwilio.PUBLIC_URL)
        + "(/api/v1/notify/email/act\\?token=[0-9]+\\.acknowledge\\.[0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]+)")
        .matcher(content);
    assertThat(link.find()).as(content).isTrue();
    String path = link.group(1);
    String token = path.substring(path.indexOf('=') + 1);

    Http.Response page = Http.anonymous(port).get(path);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\"", "Acknowledge incident #"
        + incident);
    assertThat(http.get("/api/v1/incidents/" + incident).json().get("keyEvents")
        .get("acknowledged").isNull()).isTrue();
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
    assertThat(form("/api/v1/notify/email/act", "token=" + forged).status()).isEqualTo(403);

    Http.Response acted = form("/api/v1/notify/email/act", "token=" + token);
    assertThat(acted.status()).isEqualTo(200);
    assertThat(acted.body()).contains("Incident #" + incident + " acknowledged.");
    EscalationCrashTest.await("the acknowledgement", Duration.ofSeconds(10),
        () -> timeline(incident).contains("Acknowledged by Carol via email"));
  }

  @Test
  void aTwilioOutageGoesOnToTheNextRule() throws Exception {
    String slackId = "U0D" + RUN;
    String number = phone(3);
    long dan = user("Dan", null);
    long sms = method(dan, "sms", number);
    long slack = method(dan, "slack", slackId);
    verify(dan, sms, number, false);
    rule(dan, sms, 0);
    rule(dan, slack, 1);
    long incident;
    try (AutoCloseable down = FakeTwilio.shared().outage(number)) {
      assertThat(http.post("/api/v1/users/" + dan + "/contact-methods/" + sms + "/send-code",
          "{}").status()).isEqualTo(503);
      incident = incidentPaging(dan, "Outage " + RUN);
      EscalationCrashTest.await("the SMS given up", Duration.ofSeconds(60),
          () -> "failed".equals(byChannel(incident).get("sms")));
    }
    EscalationCrashTest.await("Slack at minute 1", Duration.ofSeconds(90),
        () -> FakeSlack.shared().messagesTo(slackId).size() == 1);
    EscalationCrashTest.await("Slack's send on the timeline", Duration.ofSeconds(10),
        () -> timeline(incident).contains("Slack message to Dan sent"));
    assertThat(timeline(incident)).contains("gave up after 3 attempts",
        "going on to the next rule", "Slack message to Dan sent");
  }

  @Test
  void contactMethodsAndRulesAreValidated() {
    long eve = user("Eve", null);
    String path = "/api/v1/users/" + eve + "/contact-methods";
    Http.Response bad = http.post(path, "{\"type\":\"sms\",\"value\":\"06 12 34 56 78\"}");
    assertProblem(bad, 400, "E.164");
    assertProblem(http.post(path, "{\"type\":\"pigeon\",\"value\":\"x\"}"), 400, "type");
    assertProblem(http.post("/api/v1/users/999999/contact-methods",
        "{\"type\":\"email\",\"value\":\"a@b.io\"}"), 404, "no user 999999");
    long email = method(eve, "email", "eve" + RUN.toLowerCase() + "@reach.test");
    assertThat(http.get(path).json()).hasSize(1);
    JsonNode changed = http.put(path + "/" + email,
        "{\"type\":\"email\",\"value\":\"eve2@reach.test\",\"name\":\"work\"}").json();
    assertThat(changed.get("name").asText()).isEqualTo("work");
    String rules = "/api/v1/users/" + eve + "/notification-rules";
    assertProblem(http.post(rules, "{\"contactMethodId\":" + email + ",\"delayMinutes\":-1}"),
        400, "delayMinutes");
    assertProblem(http.post(rules, "{\"contactMethodId\":999999,\"delayMinutes\":1}"), 400,
        "contactMethodId");
    rule(eve, email, 5);
    long slack = method(eve, "slack", "U0E" + RUN);
    rule(eve, slack, 0);
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Sim Eve %s", "steps": [{"delayMinutes": 10,
         "targets": [{"type": "user", "id": %d}]}]}""".formatted(RUN, eve));
    List<String> simulated = new ArrayList<>();
    http.post("/api/v1/escalation-policies/" + policy + "/simulate", "{}").json()
        .get("notifications").forEach(n -> simulated.add("minute " + n.get("atMinute").asLong()
            + ": " + n.get("via").asText() + " to " + n.get("userName").asText()));
    assertThat(simulated).as("the simulator shows the rules").containsExactly(
        "minute 0: slack to Eve", "minute 5: email to Eve");
    assertProblem(http.post(rules, "{\"contactMethodId\":" + email + ",\"delayMinutes\":5}"),
        409, "already exists");
    assertThat(http.delete(path + "/" + email).status()).isEqualTo(204);
    assertThat(http.get(rules).json()).hasSize(1);
    assertProblem(http.post(path + "/" + email + "/verify", "{\"code\":\"123456\"}"), 404,
        "no contact method");
  }

  /** POSTs a form with no credentials, as a browser following an email link does. */
  Http.Response form(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Http.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = raw.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      return new Http.Response(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body(),
          response.headers());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

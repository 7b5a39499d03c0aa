package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Alertmanager and generic webhooks, mapping previews and routing rules, end to end. */
class ReceiveChannelsAndRoutingEndToEndTest extends EndToEndTest {

  @Autowired JdbcClient jdbc;

  /** Alertmanager's webhook body, as its documentation (webhook_config, version 4) shapes it. */
  static String alertmanagerPayload(String status1, String status2) {
    return """
        {
          "version": "4",
          "groupKey": "{}:{alertname=\\"HighErrorRate\\"}",
          "truncatedAlerts": 0,
          "status": "firing",
          "receiver": "firebreak",
          "groupLabels": {"alertname": "HighErrorRate"},
          "commonLabels": {"alertname": "HighErrorRate", "job": "api"},
          "commonAnnotations": {},
          "externalURL": "http://alertmanager.example.com:9093",
          "alerts": [
            {
              "status": "%s",
              "labels": {"alertname": "HighErrorRate", "instance": "api-1:8080", "job": "api",
                         "severity": "critical"},
              "annotations": {"summary": "High error rate on api-1",
                              "description": "5xx above 5%% for 10 minutes"},
              "startsAt": "2026-11-22T10:00:00.000Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prometheus.example.com:9090/graph?g0.expr=rate",
              "fingerprint": "c4b7a3d5e0f1a2b3"
            },
            {
              "status": "%s",
              "labels": {"alertname": "HighErrorRate", "instance": "api-2:8080", "job": "api",
                         "severity": "warning"},
              "annotations": {"summary": "High error rate on api-2"},
              "startsAt": "2026-11-22T10:01:00.000Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prometheus.example.com:9090/graph?g0.expr=rate",
              "fingerprint": "99aa88bb77cc66dd"
            }
          ]
        }""".formatted(status1, status2);
  }

  JsonNode newService(String prefix, boolean opensIncidents) {
    Http.Response created = http.post("/api/v1/services", "{\"name\":\"" + prefix + "-"
        + ThreadLocalRandom.current().nextInt(1_000_000) + "\",\"opensIncidents\":"
        + opensIncidents + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  JsonNode items(long serviceId) {
    return http.get("/api/v1/alerts?serviceId=" + serviceId).json().get("items");
  }

  @Test
  void alertmanagerFiringTriggersOneGroupPerFingerprintAndResolvedResolves() {
    long serviceId = newService("Prometheus", false).get("id").asLong();
    Http.Response created = http.post("/api/v1/receive-channels",
        "{\"name\":\"prod alertmanager\",\"type\":\"alertmanager\",\"serviceId\":" + serviceId
            + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String key = created.json().get("key").asText();
    assertThat(created.json().get("url").asText())
        .endsWith("/api/v1/integrations/alertmanager/" + key);

    Http.Response firing = http.post("/api/v1/integrations/alertmanager/" + key,
        alertmanagerPayload("firing", "firing"));
    assertThat(firing.status()).as(firing.body()).isEqualTo(202);
    http.post("/api/v1/integrations/alertmanager/" + key, alertmanagerPayload("firing", "firing"));
    await().atMost(Duration.ofSeconds(20)).until(() -> items(serviceId).size() == 2
        && items(serviceId).findValues("count").stream().allMatch(c -> c.asLong() == 2));
    JsonNode groups = items(serviceId);
    assertThat(groups.findValuesAsText("dedupKey"))
        .containsExactlyInAnyOrder("c4b7a3d5e0f1a2b3", "99aa88bb77cc66dd");
    assertThat(groups.findValuesAsText("severity")).containsExactlyInAnyOrder("critical", "warning");
    assertThat(groups.findValuesAsText("summary"))
        .containsExactlyInAnyOrder("High error rate on api-1", "High error rate on api-2");

    http.post("/api/v1/integrations/alertmanager/" + key, alertmanagerPayload("resolved", "firing"));
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/alerts?serviceId="
        + serviceId + "&status=RESOLVED").json().get("total").asInt() == 1);
    JsonNode resolved = http.get("/api/v1/alerts?serviceId=" + serviceId + "&status=RESOLVED")
        .json().get("items").get(0);
    assertThat(resolved.get("dedupKey").asText()).isEqualTo("c4b7a3d5e0f1a2b3");

    long before = jdbc.sql("SELECT count(*) FROM alert_event").query(Long.class).single();
    assertProblem(http.post("/api/v1/integrations/alertmanager/" + "f".repeat(32),
        alertmanagerPayload("firing", "firing")), 404, "no alertmanager receive channel");
    assertThat(jdbc.sql("SELECT count(*) FROM alert_event").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aGenericWebhookMapsFieldsByJsonPointerAndPreviewsThem() {
    long serviceId = newService("Grafana", true).get("id").asLong();
    Http.Response created = http.post("/api/v1/receive-channels", """
        {"name": "grafana", "type": "generic", "serviceId": %d,
         "mapping": {"summary": "/title", "dedupKey": "/ruleId", "severity": "/tags/level",
                     "action": "/state", "source": "/host",
                     "defaults": {"severity": "warning"},
                     "severityValues": {"high": "critical"},
                     "actionValues": {"alerting": "trigger", "ok": "resolve"}}}"""
        .formatted(serviceId));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long channelId = created.json().get("id").asLong();
    String key = created.json().get("key").asText();
    assertThat(created.json().get("url").asText()).endsWith("/api/v1/webhooks/" + key);

    String sample = """
        {"title": "Login latency high", "ruleId": "rule-17", "state": "alerting",
         "host": "auth-3", "tags": {"level": "high"}}""";
    JsonNode preview = http.post("/api/v1/receive-channels/" + channelId + "/preview", sample)
        .json();
    assertThat(preview.get("errors")).isEmpty();
    JsonNode event = preview.get("events").get(0);
    assertThat(event.get("action").asText()).isEqualTo("trigger");
    assertThat(event.get("dedupKey").asText()).isEqualTo("rule-17");
    assertThat(event.get("severity").asText()).isEqualTo("critical");
    assertThat(event.get("priority").asText()).isEqualTo("P1");
    assertThat(event.get("source").asText()).isEqualTo("auth-3");
    assertThat(items(serviceId)).isEmpty(); // a preview sends nothing

    JsonNode broken = http.post("/api/v1/receive-channels/" + channelId + "/preview",
        "{\"state\":\"paused\"}").json();
    assertThat(broken.get("events")).isEmpty();
    assertThat(broken.get("errors").get(0).asText()).contains("paused");

    assertThat(http.post("/api/v1/webhooks/" + key, sample).status()).isEqualTo(202);
    JsonNode alert = await().atMost(Duration.ofSeconds(20))
        .until(() -> items(serviceId), list -> list.size() == 1).get(0);
    assertThat(alert.get("summary").asText()).isEqualTo("Login latency high");
    assertThat(alert.get("dedupKey").asText()).isEqualTo("rule-17");
    http.post("/api/v1/webhooks/" + key, "{\"ruleId\":\"rule-17\",\"state\":\"ok\"}");
    await().atMost(Duration.ofSeconds(20)).until(() ->
        items(serviceId).get(0).get("status").asText().equals("RESOLVED"));

    assertProblem(http.post("/api/v1/webhooks/" + key, "{\"state\":\"alerting\"}"), 400,
        "summary");
    assertProblem(http.post("/api/v1/webhooks/" + "e".repeat(32), sample), 404, "no generic");
    assertProblem(http.post("/api/v1/receive-channels", """
        {"name": "bad", "type": "generic", "serviceId": %d,
         "mapping": {"dedupKey": "/id", "severityValues": {"x": "fatal"}}}"""
        .formatted(serviceId)), 400, "fields are invalid");
  }

  @Test
  void routingRulesRouteRerateAndSuppressFirstMatchWins() {
    JsonNode front = newService("Front", true);
    long frontId = front.get("id").asLong();
    String key = front.get("integrationKey").asText();
    long dbId = newService("Database", true).get("id").asLong();

    Http.Response put = http.put("/api/v1/services/" + frontId + "/routing-rules", """
        {"rules": [
          {"name": "drop tests", "conditions": [{"field": "/payload/summary", "op": "contains",
            "value": "[test]"}], "actions": {"suppress": true}},
          {"name": "db to db team", "conditions": [{"field": "/payload/source", "op": "regex",
            "value": "^db-\\\\d+$"}], "actions": {"serviceId": %d, "priority": "P2"}},
          {"name": "staging is quiet", "conditions": [{"field": "/payload/custom_details/env",
            "op": "equals", "value": "staging"}], "actions": {"severity": "info"}},
          {"name": "never", "conditions": [{"field": "/payload/custom_details/env",
            "op": "exists"}], "timeWindow": {"days": [], "from": "00:00", "to": "00:00",
            "timeZone": "Europe/Paris"}, "actions": {"suppress": true}}
        ]}""".formatted(dbId));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(http.get("/api/v1/services/" + frontId + "/routing-rules").json().get("rules"))
        .hasSize(4);

    assertThat(send(key, "t1", "[test] synthetic check", "web-1", "critical", null)).isEqualTo(202);
    assertThat(send(key, "d1", "Replication lag", "db-7", "warning", null)).isEqualTo(202);
    assertThat(send(key, "s1", "Staging down", "web-2", "critical", "staging")).isEqualTo(202);

    JsonNode dbAlert = await().atMost(Duration.ofSeconds(20))
        .until(() -> items(dbId), list -> list.size() == 1
            && !list.get(0).get("incidentId").isNull()).get(0);
    assertThat(dbAlert.get("dedupKey").asText()).isEqualTo("d1");
    assertThat(dbAlert.get("priority").asText()).isEqualTo("P2"); // warning alone opens nothing
    JsonNode frontAlert = await().atMost(Duration.ofSeconds(20))
        .until(() -> items(frontId), list -> list.size() == 1).get(0);
    assertThat(frontAlert.get("dedupKey").asText()).isEqualTo("s1");
    assertThat(frontAlert.get("severity").asText()).isEqualTo("info");
    assertThat(frontAlert.get("incidentId").isNull()).isTrue();

    JsonNode suppressed = http.get("/api/v1/suppressed-events?serviceId=" + frontId).json();
    assertThat(suppressed).hasSize(1);
    assertThat(suppressed.get(0).get("ruleName").asText()).isEqualTo("drop tests");
    assertThat(suppressed.get(0).get("dedupKey").asText()).isEqualTo("t1");

    assertProblem(http.put("/api/v1/services/" + frontId + "/routing-rules", """
        {"rules": [{"conditions": [{"field": "/x", "op": "like", "value": "y"}],
          "timeWindow": {"from": "25:00", "to": "10:00", "timeZone": "Mars/Olympus"},
          "actions": {"severity": "fatal"}}]}"""), 400, "fields are invalid");
  }

  int send(String key, String dedupKey, String summary, String source, String severity,
      String env) {
    return http.post("/v2/enqueue", """
        {"routing_key": "%s", "dedup_key": "%s", "event_action": "trigger",
         "payload": {"summary": "%s", "source": "%s", "severity": "%s",
                     "custom_details": %s}}""".formatted(key, dedupKey, summary, source, severity,
        env == null ? "{}" : "{\"env\": \"" + env + "\"}")).status();
  }
}

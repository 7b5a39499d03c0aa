package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Without Slack configuration Firebreak runs as before: Slack's endpoint is 404, incidents open
 * no channel, and the Slack settings API says Slack is not configured.
 */
class SlackNotConfiguredTest extends EndToEndTest {

  @Autowired JdbcClient jdbc;

  @Test
  void slackEndpointsAre404AndIncidentsRunWithoutSlack() {
    assertProblem(http.post("/slack/events", "{\"type\":\"url_verification\"}"), 404,
        "Slack is not configured");
    long id = create("/api/v1/incidents", "{\"title\":\"No Slack here\",\"priority\":\"P1\"}");
    assertThat(http.post("/api/v1/incidents/" + id + "/status", "{\"status\":\"INVESTIGATING\"}")
        .status()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM slack_incident_channel WHERE incident_id = :id")
        .param("id", id).query(Long.class).single()).isZero();
    assertProblem(http.put("/api/v1/slack/conversations/C_TECH", "{\"tag\":\"tech_incidents\"}"),
        409, "Slack is not configured");
    assertProblem(http.post("/api/v1/slack/sync", "{}"), 409, "Slack is not configured");
  }
}

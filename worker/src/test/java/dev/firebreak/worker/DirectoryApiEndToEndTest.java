package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Users, teams and services through the REST API. */
class DirectoryApiEndToEndTest extends EndToEndTest {

  @Test
  void usersAreCreatedListedChangedAndDeleted() {
    long id = create("/api/v1/users", """
        {"name": "Ada Lovelace", "email": "ada@example.com", "slackUserId": "U024BE7LH",
         "timeZone": "Europe/London"}""");
    JsonNode user = http.get("/api/v1/users/" + id).json();
    assertThat(user.get("email").asText()).isEqualTo("ada@example.com");
    assertThat(user.get("timeZone").asText()).isEqualTo("Europe/London");

    assertProblem(http.post("/api/v1/users", "{\"name\":\"Ada 2\",\"email\":\"ADA@example.com\"}"),
        409, "already exists");
    Http.Response bad = http.post("/api/v1/users",
        "{\"email\":\"nope\",\"slackUserId\":\"bob\",\"timeZone\":\"Mars/Base\"}");
    assertProblem(bad, 400, "fields are invalid");
    assertThat(bad.json().get("errors")).hasSize(4);

    JsonNode changed = http.put("/api/v1/users/" + id,
        "{\"name\":\"Ada King\",\"email\":\"ada@example.com\"}").json();
    assertThat(changed.get("name").asText()).isEqualTo("Ada King");
    assertThat(changed.get("timeZone").asText()).isEqualTo("UTC");
    assertThat(http.get("/api/v1/users").json().findValuesAsText("name")).contains("Ada King");

    assertThat(http.delete("/api/v1/users/" + id).status()).isEqualTo(204);
    assertProblem(http.get("/api/v1/users/" + id), 404, "no user " + id);
  }

  @Test
  void teamsGroupUsers() {
    long alice = create("/api/v1/users", "{\"name\":\"Alice\",\"email\":\"alice@team.test\"}");
    long bob = create("/api/v1/users", "{\"name\":\"Bob\",\"email\":\"bob@team.test\"}");
    long team = create("/api/v1/teams",
        "{\"name\":\"Payments\",\"members\":[" + alice + "]}");
    assertThat(http.post("/api/v1/teams/" + team + "/members", "{\"userId\":" + bob + "}")
        .json().get("memberIds")).hasSize(2);
    assertThat(http.delete("/api/v1/teams/" + team + "/members/" + alice).json()
        .get("memberIds").get(0).asLong()).isEqualTo(bob);
    assertProblem(http.post("/api/v1/teams", "{\"name\":\"Ghosts\",\"members\":[999999]}"), 400,
        "no users [999999]");
    assertProblem(http.post("/api/v1/teams", "{\"name\":\"Payments\"}"), 409, "already exists");
  }

  @Test
  void aServiceGetsARandomIntegrationKeyAndASeverityMapping() {
    long team = create("/api/v1/teams", "{\"name\":\"Checkout team\"}");
    Http.Response created = http.post("/api/v1/services",
        "{\"name\":\"Checkout\",\"teamId\":" + team + "}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode service = created.json();
    String key = service.get("integrationKey").asText();
    assertThat(key).matches("[0-9a-f]{32}");
    assertThat(service.get("opensIncidents").asBoolean()).isTrue();
    assertThat(service.get("severityPriorities").get("critical").asText()).isEqualTo("P1");
    assertThat(service.get("severityPriorities").get("error").asText()).isEqualTo("P2");
    assertThat(service.get("severityPriorities").get("warning").isNull()).isTrue();
    assertThat(service.get("severityPriorities").get("info").isNull()).isTrue();

    long other = create("/api/v1/services", "{\"name\":\"Search\"}");
    assertThat(http.get("/api/v1/services/" + other).json().get("integrationKey").asText())
        .isNotEqualTo(key);

    JsonNode changed = http.put("/api/v1/services/" + service.get("id").asLong(), """
        {"name": "Checkout", "opensIncidents": true,
         "severityPriorities": {"warning": "P4", "critical": "P2"}, "ackTimeoutMinutes": 30}""")
        .json();
    assertThat(changed.get("integrationKey").asText()).isEqualTo(key);
    assertThat(changed.get("severityPriorities").get("warning").asText()).isEqualTo("P4");
    assertThat(changed.get("severityPriorities").get("critical").asText()).isEqualTo("P2");
    assertThat(changed.get("ackTimeoutMinutes").asInt()).isEqualTo(30);
    assertThat(changed.get("teamId").isNull()).isTrue();

    assertProblem(http.post("/api/v1/services",
        "{\"name\":\"Bad\",\"severityPriorities\":{\"fatal\":\"P1\",\"error\":\"P7\"}}"), 400,
        "fields are invalid");
    assertProblem(http.post("/api/v1/services", "{\"name\":\"Search\"}"), 409, "already exists");
    assertThat(http.delete("/api/v1/services/" + other).status()).isEqualTo(204);
    assertProblem(http.get("/api/v1/services/" + other), 404, "no service");
  }
}

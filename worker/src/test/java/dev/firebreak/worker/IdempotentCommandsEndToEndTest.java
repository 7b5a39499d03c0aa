package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.activities.incident.CommandId;
import dev.firebreak.activities.incident.IncidentCommands;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The incident command gateway end to end, on the real Temporal dev server and PostgreSQL: a
 * request sent twice with one Idempotency-Key is applied once and answered the same; the key with
 * another body is refused; an update Temporal does not answer in time is a quick 503.
 */
class IdempotentCommandsEndToEndTest extends EndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();

  @Autowired IncidentCommands commands;
  @Autowired IncidentStore store;
  @Autowired WorkflowClient temporal;

  record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  Answer send(String method, String path, String key, String json, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + Http.ADMIN_TOKEN)
        .method(method, HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
  }

  /** A browser session of a new responder named {@code name}. */
  Http loggedIn(String name) {
    String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@idempotent.test";
    long user = http.post("/api/v1/users", "{\"name\":\"" + name + "\",\"email\":\""
        + email + "\"}").json().get("id").asLong();
    assertThat(http.put("/api/v1/users/" + user + "/password",
        "{\"password\":\"correct horse battery\"}").status()).isEqualTo(204);
    Http session = Http.session(port);
    assertThat(session.login(email, "correct horse battery").status()).isEqualTo(200);
    return session;
  }

  List<String> kinds(long id) {
    List<String> kinds = new ArrayList<>();
    http.get("/api/v1/incidents/" + id).json().get("timeline")
        .forEach(e -> kinds.add(e.get("kind").asText()));
    return kinds;
  }

  @Test
  void theSameStatusChangeTwiceWithOneKeyIsOneEntryAndOneAnswer() throws Exception {
    String createKey = UUID.randomUUID().toString();
    String declare = "{\"title\": \"Idempotent checkout\", \"createdBy\": \"alice\"}";
    Answer created = send("POST", "/api/v1/incidents", createKey, declare);
    Answer createdAgain = send("POST", "/api/v1/incidents", createKey, declare);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(createdAgain.status()).isEqualTo(201);
    assertThat(createdAgain.body()).isEqualTo(created.body());
    assertThat(createdAgain.raw().headers().firstValue("Location"))
        .isEqualTo(created.raw().headers().firstValue("Location"));
    assertThat(createdAgain.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
    long id = created.json().get("id").asLong();
    assertThat(http.get("/api/v1/incidents?limit=200").json().get("items").findValues("id")
        .stream().filter(n -> n.asLong() == id).count()).isEqualTo(1);

    String key = UUID.randomUUID().toString();
    String path = "/api/v1/incidents/" + id + "/status";
    String body = "{\"status\": \"INVESTIGATING\", \"message\": \"on it\", \"author\": \"bob\"}";
    Answer first = send("POST", path, key, body);
    Answer second = send("POST", path, key, body);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("application/json");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(first.raw().headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(second.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(first.json().get("status").asText()).isEqualTo("INVESTIGATING");

    await().atMost(Duration.ofSeconds(10))
        .until(() -> kinds(id).contains("STATUS_CHANGED"));
    assertThat(kinds(id)).containsExactly("DECLARED", "STATUS_CHANGED");
    JsonNode entry = http.get("/api/v1/incidents/" + id).json().get("timeline").get(1);
    // the timeline names the authenticated caller (here the admin token), not the body's author
    assertThat(entry.get("author").asText()).isEqualTo("admin-token");

    Answer otherBody = send("POST", path, key,
        "{\"status\": \"MITIGATED\", \"message\": \"on it\", \"author\": \"bob\"}");
    assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(422);
    assertThat(otherBody.contentType()).startsWith("application/problem+json");
    assertThat(otherBody.json().get("detail").asText())
        .contains("Idempotency-Key").contains("different request");
    Answer otherPath = send("PUT", "/api/v1/incidents/" + id + "/roles", key,
        "{\"commander\": \"carol\"}");
    assertThat(otherPath.status()).as("one key on another endpoint is another request")
        .isEqualTo(200);
    assertThat(http.get("/api/v1/incidents/" + id).json().get("status").asText())
        .isEqualTo("INVESTIGATING");
    assertThat(kinds(id)).containsExactly("DECLARED", "STATUS_CHANGED", "ROLES_CHANGED");

    Answer badKey = send("POST", path, "x".repeat(256), body);
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(badKey.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aCommandSentTwiceWithOneIdIsAppliedOnceByTemporal() throws Exception {
    long id = JSON.readTree(send("POST", "/api/v1/incidents", null,
        "{\"title\": \"Slack retried its delivery\"}").body()).get("id").asLong();
    Actor alice = Actor.of("Alice", Actor.Channel.SLACK);
    CommandId interaction = CommandId.of("slack-test-" + UUID.randomUUID());
    commands.addUpdate(id, new AddUpdate("rolled back", null), alice, interaction);
    commands.addUpdate(id, new AddUpdate("rolled back", null), alice, interaction);
    Answer acked = send("POST", "/api/v1/incidents/" + id + "/acknowledge", null, "{}");
    assertThat(acked.status()).isEqualTo(200);
    commands.acknowledge(id, alice, CommandId.of("slack-ack-" + UUID.randomUUID()));
    // Dan, logged in to the web app; the body's author and a channel header are not trusted
    Http dan = loggedIn("Dan");
    assertThat(dan.post("/api/v1/incidents/" + id + "/acknowledge",
        "{\"author\": \"Mallory\"}").status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> kinds(id).size() >= 5);
    assertThat(kinds(id)).containsExactly("DECLARED", "UPDATE", "ACKNOWLEDGED", "ACKNOWLEDGED",
        "ACKNOWLEDGED");
    List<String> messages = new ArrayList<>();
    http.get("/api/v1/incidents/" + id).json().get("timeline")
        .forEach(e -> messages.add(e.get("message").asText()));
    assertThat(messages).contains("Acknowledged by Alice via Slack",
        "Acknowledged by admin-token via the API", "Acknowledged by Dan via the web app");
    assertThat(messages).noneMatch(m -> m.contains("Mallory"));
  }

  @Test
  void anUpdateTemporalDoesNotAnswerInTimeIs503WithRetryAfter() throws Exception {
    // an incident whose workflow waits on a task queue no worker polls: updates are never accepted
    long id = store.nextId();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Incident incident = new Incident(id, "Nobody works this queue", null, Priority.P3,
        Environment.PRD, null, false, null, now, "test", Status.OPEN, null, Roles.NONE,
        KeyEvents.NONE.withDeclaredIfUnset(now), 0, null);
    store.insert(incident);
    IncidentWorkflow workflow = temporal.newWorkflowStub(IncidentWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(IncidentWorkflow.workflowId(id))
            .setTaskQueue("nobody-polls-" + id)
            .build());
    WorkflowClient.start(workflow::run,
        new IncidentRun(incident, 1, false, false, null, null, null));
    try {
      long started = System.nanoTime();
      Answer late = send("POST", "/api/v1/incidents/" + id + "/status", UUID.randomUUID()
          .toString(), "{\"status\": \"INVESTIGATING\"}");
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(late.status()).as(late.body()).isEqualTo(503);
      assertThat(late.contentType()).startsWith("application/problem+json");
      assertThat(late.raw().headers().firstValue("Retry-After")).isPresent();
      assertThat(late.json().get("detail").asText()).contains("no answer from Temporal");
      assertThat(took).isLessThan(Duration.ofSeconds(20));
    } finally {
      WorkflowStub.fromTyped(workflow).terminate("test over");
    }
  }
}

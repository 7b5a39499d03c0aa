package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole application against the real Temporal dev server and a real PostgreSQL, driven through
 * its REST API as a user would.
 */
class IncidentApiEndToEndTest extends EndToEndTest {

  @Autowired WorkflowClient temporal;

  long declare(String json) {
    return create("/api/v1/incidents", json);
  }

  /** A browser session of a new responder named {@code name} (unique email per call). */
  Http loggedInResponder(String name) {
    String email = name + "-" + System.nanoTime() + "@incident.test";
    long user = create("/api/v1/users",
        "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
    assertThat(http.put("/api/v1/users/" + user + "/role", "{\"role\":\"responder\"}")
        .status()).isEqualTo(200);
    assertThat(http.put("/api/v1/users/" + user + "/password",
        "{\"password\":\"correct horse battery\"}").status()).isEqualTo(204);
    Http session = Http.session(port);
    assertThat(session.login(email, "correct horse battery").status()).isEqualTo(200);
    return session;
  }

  Http.Response status(long id, String json) {
    return http.post("/api/v1/incidents/" + id + "/status", json);
  }

  @Test
  void healthOpenApiAndItsBrowsableUiAreServed() {
    assertThat(http.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    Http.Response docs = http.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").has("/api/v1/incidents/{id}/status")).isTrue();
    assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void anIncidentRunsItsWholeLifecycleThroughTheApi() {
    Http.Response created = http.post("/api/v1/incidents", """
        {"title": "Checkout returns 500", "description": "since the 09:50 deploy",
         "priority": "P2", "environment": "STG", "category": "payments", "private": true,
         "createdBy": "alice"}""");
    assertThat(created.status()).isEqualTo(201);
    JsonNode incident = created.json();
    long id = incident.get("id").asLong();
    assertThat(incident.get("status").asText()).isEqualTo("OPEN");
    assertThat(incident.get("priority").asText()).isEqualTo("P2");
    assertThat(incident.get("environment").asText()).isEqualTo("STG");
    assertThat(incident.get("private").asBoolean()).isTrue();
    assertThat(incident.get("workflowId").asText()).isEqualTo("incident-" + id);
    assertThat(incident.get("keyEvents").get("declared").isNull()).isFalse();

    assertThat(status(id, "{\"status\":\"INVESTIGATING\",\"message\":\"on it\",\"author\":\"alice\"}")
        .json().get("status").asText()).isEqualTo("INVESTIGATING");
    JsonNode roles = http.put("/api/v1/incidents/" + id + "/roles",
        "{\"commander\":\"alice\",\"communicationLead\":\"bob\"}").json();
    assertThat(roles.get("roles").get("communicationLead").asText()).isEqualTo("bob");
    // the timeline names who is logged in, not the body's author
    Http bob = loggedInResponder("bob");
    assertThat(bob.post("/api/v1/incidents/" + id + "/updates",
        "{\"message\":\"rollback started\",\"author\":\"mallory\"}").status())
        .isEqualTo(201);
    String detected = Instant.now().minusSeconds(600).toString();
    JsonNode events = http.put("/api/v1/incidents/" + id + "/key-events",
        "{\"detected\":\"" + detected + "\"}").json();
    assertThat(events.get("keyEvents").get("detected").asText()).isEqualTo(detected);
    JsonNode patched = http.patch("/api/v1/incidents/" + id, "{\"priority\":\"P1\"}").json();
    assertThat(patched.get("priority").asText()).isEqualTo("P1");
    assertThat(status(id, "{\"status\":\"MITIGATED\"}").json().get("keyEvents")
        .get("mitigated").isNull()).isFalse();
    assertThat(status(id, "{\"status\":\"POST_MORTEM\"}").status()).isEqualTo(200);
    JsonNode closed = status(id, "{\"status\":\"CLOSED\",\"message\":\"done\"}").json();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");

    JsonNode stored = http.get("/api/v1/incidents/" + id).json();
    assertThat(stored.get("status").asText()).isEqualTo("CLOSED");
    assertThat(stored.get("roles").get("commander").asText()).isEqualTo("alice");
    List<String> kinds = new ArrayList<>();
    stored.get("timeline").forEach(e -> kinds.add(e.get("kind").asText()));
    assertThat(kinds).containsExactly("DECLARED", "STATUS_CHANGED", "ROLES_CHANGED", "UPDATE",
        "KEY_EVENTS_CHANGED", "DETAILS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED",
        "STATUS_CHANGED");
    assertThat(stored.get("timeline").get(3).get("author").asText()).isEqualTo("bob");

    assertThat(temporal.newUntypedWorkflowStub("incident-" + id).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    assertProblem(http.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"late\"}"),
        409, "is CLOSED");
  }

  @Test
  void aRefusedChangeIs409WithTheReasonAndChangesNothing() {
    long id = declare("{\"title\":\"Search is slow\",\"priority\":\"P3\"}");
    assertProblem(status(id, "{\"status\":\"CLOSED\"}"), 409, "needs a closureReason");
    status(id, "{\"status\":\"MITIGATED\"}");
    assertProblem(status(id, "{\"status\":\"INVESTIGATING\",\"message\":\"again\"}"), 409,
        "at least 10 characters");
    assertProblem(http.put("/api/v1/incidents/" + id + "/key-events",
        "{\"started\":\"2099-01-01T00:00:00Z\"}"), 409, "cannot be in the future");

    JsonNode stored = http.get("/api/v1/incidents/" + id).json();
    assertThat(stored.get("status").asText()).isEqualTo("MITIGATED");
    assertThat(stored.get("timeline")).hasSize(2);
    assertThat(status(id, "{\"status\":\"CLOSED\",\"closureReason\":\"RESOLVED\"}").status())
        .isEqualTo(200);
  }

  @Test
  void anOpenIncidentWithTheSameDedupKeyIsReturnedInsteadOfANewOne() {
    String body = "{\"title\":\"Disk full on db-1\",\"priority\":\"P2\",\"dedupKey\":\"disk-db-1\"}";
    long first = declare(body);
    Http.Response again = http.post("/api/v1/incidents", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asLong()).isEqualTo(first);

    status(first, "{\"status\":\"CLOSED\",\"closureReason\":\"FALSE_POSITIVE\"}");
    assertThat(declare(body)).isGreaterThan(first);
  }

  @Test
  void twentyConcurrentDeclarationsGetTwentyDistinctIds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Http.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String body = "{\"title\":\"Concurrent " + i + "\",\"priority\":\"P4\"}";
        calls.add(() -> http.post("/api/v1/incidents", body));
      }
      Set<Long> ids = new HashSet<>();
      for (Future<Http.Response> result : pool.invokeAll(calls)) {
        assertThat(result.get().status()).isEqualTo(201);
        ids.add(result.get().json().get("id").asLong());
      }
      assertThat(ids).hasSize(20);
      for (long id : ids) {
        assertThat(http.get("/api/v1/incidents/" + id).status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badInputIsRefusedWithProblemDetailsAndNothingIsStored() {
    long before = http.get("/api/v1/incidents?limit=1").json().get("total").asLong();

    assertProblem(http.post("/api/v1/incidents", "{\"title\": \"unterminated"), 400,
        "not valid JSON");
    Http.Response missing = http.post("/api/v1/incidents", "{\"priority\":\"P1\"}");
    assertProblem(missing, 400, "title");
    assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("title");
    assertProblem(http.post("/api/v1/incidents",
        "{\"title\":\"" + "x".repeat(129) + "\"}"), 400, "at most 128");
    assertProblem(http.post("/api/v1/incidents", "{\"title\":\"t\",\"priority\":\"P9\"}"), 400,
        "'P9' is not one of [P1, P2, P3, P4, P5]");
    assertProblem(http.post("/api/v1/incidents", "{\"title\":\"t\",\"environment\":\"DEV\"}"),
        400, "environment");
    assertProblem(http.post("/api/v1/incidents",
        "{\"title\":\"t\",\"dedupKey\":\"" + "k".repeat(256) + "\"}"), 400, "dedupKey");
    assertProblem(http.get("/api/v1/incidents?priority=P0"), 400, "priority");
    assertProblem(http.get("/api/v1/incidents?limit=0"), 400, "limit");
    assertProblem(http.get("/api/v1/incidents/999999"), 404, "no incident 999999");
    assertProblem(http.get("/api/v1/incidents/abc"), 400, "id");
    assertProblem(status(999999, "{\"status\":\"MITIGATED\"}"), 404, "no incident");

    long id = declare("{\"title\":\"Queue backlog\"}");
    assertProblem(status(id, "{\"status\":\"FIXED\"}"), 400, "'FIXED' is not one of");
    assertProblem(status(id, "{}"), 400, "status");

    long after = http.get("/api/v1/incidents?limit=1").json().get("total").asLong();
    assertThat(after).isEqualTo(before + 1);
  }

  @Test
  void analyticsReportTimeToMitigateFromKeyEvents() {
    long id = declare("{\"title\":\"Analytics\",\"priority\":\"P2\"}");
    assertThat(http.post("/api/v1/incidents/" + id + "/acknowledge", "{\"author\":\"ann\"}")
        .status()).isEqualTo(200);
    status(id, "{\"status\":\"MITIGATED\"}");
    JsonNode report = http.get("/api/v1/analytics/incidents").json();
    assertThat(report.get("timeToAcknowledge").get("count").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(report.get("incidents").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(report.get("timeToMitigate").get("count").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(report.get("byPriority").get("P2").asLong()).isGreaterThanOrEqualTo(1);
    assertProblem(http.get("/api/v1/analytics/incidents?from=yesterday"), 400, "from");
    assertProblem(http.get("/api/v1/analytics/incidents?from=2026-01-02T00:00:00Z"
        + "&to=2026-01-01T00:00:00Z"), 400, "must be before to");
  }

  @Test
  void anIncidentCanBelongToAService() {
    long service = create("/api/v1/services", "{\"name\":\"Incident service link\"}");
    long id = declare("{\"title\":\"Linked\",\"serviceId\":" + service + "}");
    assertThat(http.get("/api/v1/incidents/" + id).json().get("serviceId").asLong())
        .isEqualTo(service);
    assertProblem(http.post("/api/v1/incidents", "{\"title\":\"x\",\"serviceId\":999999}"),
        400, "no service 999999");
  }

  @Test
  void listingFiltersAndPagesNewestFirst() {
    long a = declare("{\"title\":\"Filter A\",\"priority\":\"P5\",\"environment\":\"INT\"}");
    long b = declare("{\"title\":\"Filter B\",\"priority\":\"P5\",\"environment\":\"INT\"}");
    status(b, "{\"status\":\"INVESTIGATING\"}");

    JsonNode page = http.get("/api/v1/incidents?priority=P5&environment=INT").json();
    List<Long> ids = StreamSupport.stream(page.get("items").spliterator(), false)
        .map(n -> n.get("id").asLong()).toList();
    assertThat(ids).containsSubsequence(b, a);
    JsonNode investigating =
        http.get("/api/v1/incidents?priority=P5&environment=INT&status=INVESTIGATING").json();
    assertThat(investigating.get("items").get(0).get("id").asLong()).isEqualTo(b);
    JsonNode second = http.get("/api/v1/incidents?limit=1&offset=1").json();
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.get("limit").asInt()).isEqualTo(1);
    assertThat(http.get("/api/v1/incidents/" + b).json().has("timeline")).isTrue();
    assertThat(page.get("items").get(0).has("timeline")).isFalse();
  }

  @Test
  void temporalUiCanFilterIncidentsBySearchAttributes() throws Exception {
    long id = declare("{\"title\":\"Payments API down\",\"priority\":\"P1\",\"environment\":\"PRD\"}");
    status(id, "{\"status\":\"MITIGATING\"}");
    String query = "FirebreakPriority = 'P1' AND FirebreakStatus = 'MITIGATING'"
        + " AND FirebreakEnvironment = 'PRD' AND FirebreakIncidentId = " + id;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    List<String> found = List.of();
    while (Instant.now().isBefore(deadline) && found.isEmpty()) {
      found = temporal.listExecutions(query)
          .map(e -> e.getExecution().getWorkflowId()).toList();
      if (found.isEmpty()) {
        Thread.sleep(200);
      }
    }
    assertThat(found).containsExactly("incident-" + id);
  }
}

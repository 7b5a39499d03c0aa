package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The OpenAPI document is a contract: schemathesis (provisioned by {@code infra/dev/test.sh} into
 * {@code .tools/schemathesis}, or named by {@code FIREBREAK_SCHEMATHESIS}) reads {@code
 * /v3/api-docs} of the running application and sends every operation examples, boundary cases
 * and fuzzed input; the run fails on any 5xx, on a status code the document does not list, and on
 * a response that breaks its schema or content type. Its own namespace and database, since the
 * fuzzer creates and deletes at random.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "TEMPORAL_NAMESPACE=" + OpenApiContractEndToEndTest.NAMESPACE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OpenApiContractEndToEndTest {

  static final String NAMESPACE = "firebreak-contract-e2e";
  /** Examples per operation and phase: enough to find the edges, well under two minutes. */
  static final int MAX_EXAMPLES = 8;

  static {
    TestNamespaces.use(NAMESPACE);
  }

  @LocalServerPort int port;

  @Test
  void theDocumentListsEveryStatusAndShapeTheApiAnswersUnderFuzzing() throws Exception {
    Http http = new Http(port);
    JsonNode document = http.get("/v3/api-docs").json();
    Path out = Path.of("target", "schemathesis");
    Files.createDirectories(out);
    new ObjectMapper().writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("api-docs.json").toFile(), document);
    assertThat(document.at("/paths/~1v2~1enqueue/post/responses/400/content")
        .has("application/json")).isTrue();
    assertThat(document.at("/components/schemas/Problem/properties").has("detail")).isTrue();
    JsonNode schemas = document.at("/components/schemas");
    assertThat(schemas.at("/IncidentResponse/properties/closureReason/type").toString())
        .contains("null");
    assertThat(schemas.at("/IncidentResponse/properties/keyEvents/anyOf").toString())
        .contains("#/components/schemas/KeyEvents", "null");
    assertThat(schemas.at("/Roles/properties/commander/type").toString()).contains("null");
    assertThat(schemas.at("/Duration/properties/meanSeconds/type").toString()).contains("null");
    assertThat(schemas.at("/Create/properties/title/maxLength").asInt()).isEqualTo(128);
    JsonNode list = document.at("/paths/~1api~1v1~1incidents/get");
    assertThat(list.at("/responses").has("503")).isTrue();
    for (JsonNode parameter : list.get("parameters")) {
      if (parameter.get("name").asText().equals("limit")) {
        assertThat(parameter.at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(parameter.at("/schema/maximum").asInt()).isEqualTo(200);
      }
    }
    JsonNode create = document.at("/paths/~1api~1v1~1incidents/post/responses");
    assertThat(create.has("201") && create.has("200") && create.has("400")).isTrue();
    assertThat(create.at("/400/content").has("application/problem+json")).isTrue();

    File log = out.resolve("schemathesis.log").toFile();
    Process run = new ProcessBuilder(List.of(schemathesis(),
        "run", "http://127.0.0.1:" + port + "/v3/api-docs",
        // as an admin: every route is exercised, not just refused with 401
        "--header", "Authorization: Bearer " + Http.ADMIN_TOKEN,
        "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
            + "response_schema_conformance",
        "--phases", "examples,coverage,fuzzing",
        "--max-examples", String.valueOf(MAX_EXAMPLES),
        "--seed", "20261129", "--generation-deterministic",
        // one worker: Python 3.11's ast.parse is not thread-safe, and Hypothesis calls it
        "--workers", "1", "--request-timeout", "20", "--max-time", "80",
        "--no-color", "--output-truncate", "true"))
        .directory(out.toFile()) // its example cache stays under target/
        .redirectErrorStream(true).redirectOutput(log).start();
    boolean finished = run.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      run.destroyForcibly();
    }
    String report = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    assertThat(finished).as("schemathesis did not finish in 3 minutes:%n%s", report).isTrue();
    assertThat(run.exitValue()).as("schemathesis found contract violations:%n%s", report)
        .isZero();
    assertThat(report).contains("passed");
  }

  static String schemathesis() {
    String named = System.getenv("FIREBREAK_SCHEMATHESIS");
    Path path = named != null && !named.isBlank() ? Path.of(named)
        : Path.of("..", ".tools", "schemathesis", "bin", "st").toAbsolutePath().normalize();
    assertThat(Files.isExecutable(path))
        .as("schemathesis is not at %s: run infra/dev/install-schemathesis.sh (infra/dev/test.sh"
            + " does) or set FIREBREAK_SCHEMATHESIS", path).isTrue();
    return path.toString();
  }
}

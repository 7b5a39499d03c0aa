package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart in {@code infra/helm/firebreak}, rendered by the real {@code helm template}
 * (provisioned by {@code infra/dev/install-helm.sh}) and its manifests checked as Kubernetes
 * would wire them: every selector finds its pods, every probe and port names a declared port, the
 * probes are the ones Firebreak serves, the API runs no workers, and {@code helm lint} is clean.
 */
@SuppressWarnings("unchecked")
class HelmChartTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path CHART = ROOT.resolve("infra/helm/firebreak");
  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  static String helm;

  @BeforeAll
  static void provision() throws Exception {
    String configured = System.getenv("FIREBREAK_HELM");
    helm = configured != null && !configured.isBlank() ? configured
        : lastLine(run(List.of("bash", ROOT.resolve("infra/dev/install-helm.sh").toString())));
  }

  @Test
  void lintIsClean() throws Exception {
    assertThat(run(List.of(helm, "lint", "--strict", CHART.toString()))).contains("0 chart(s) failed");
  }

  @Test
  void defaultValuesRenderAnApiAndAWorkerRoleWiredTogether() throws Exception {
    List<Map<String, Object>> docs = render("fb");
    assertThat(docs).extracting(d -> d.get("kind")).containsExactlyInAnyOrder(
        "ConfigMap", "Deployment", "Deployment", "PodDisruptionBudget", "PodDisruptionBudget",
        "Service", "Service", "ServiceMonitor");
    for (Map<String, Object> doc : docs) {
      assertThat(doc.get("apiVersion")).as("apiVersion").isNotNull();
      assertThat(str(doc, "metadata.name")).matches(DNS_LABEL);
    }

    Map<String, Object> api = named(docs, "Deployment", "fb-firebreak-api");
    Map<String, Object> worker = named(docs, "Deployment", "fb-firebreak-worker");
    assertThat(env(api, "SPRING_TEMPORAL_START_WORKERS")).isEqualTo("false");
    assertThat(env(worker, "SPRING_TEMPORAL_START_WORKERS")).isEqualTo("true");
    for (Map<String, Object> deployment : List.of(api, worker)) {
      Map<String, Object> labels = map(deployment, "spec.template.metadata.labels");
      assertThat(labels).containsAllEntriesOf(map(deployment, "spec.selector.matchLabels"));
      Map<String, Object> container = container(deployment);
      List<String> ports = list(container, "ports").stream()
          .map(p -> (String) ((Map<?, ?>) p).get("name")).toList();
      assertThat(str(container, "readinessProbe.httpGet.path"))
          .isEqualTo("/actuator/health/readiness");
      assertThat(str(container, "livenessProbe.httpGet.path"))
          .isEqualTo("/actuator/health/liveness");
      assertThat(str(container, "startupProbe.httpGet.path"))
          .isEqualTo("/actuator/health/liveness");
      for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
        assertThat(ports).contains(str(container, probe + ".httpGet.port"));
      }
      List<String> from = list(container, "envFrom").stream()
          .map(e -> ((Map<?, ?>) e).values().iterator().next())
          .map(ref -> (String) ((Map<?, ?>) ref).get("name")).toList();
      assertThat(from).containsExactly("fb-firebreak", "firebreak-db");
      assertThat(str(container, "image")).isEqualTo("registry.example.com/firebreak:0.1.0");
      assertThat(str(container, "securityContext.allowPrivilegeEscalation")).isEqualTo("false");

      // a PodDisruptionBudget keeps one pod of each role through a node drain
      assertThat(docs.stream().filter(d -> "PodDisruptionBudget".equals(d.get("kind")))
          .filter(pdb -> labels.entrySet().containsAll(
              map(pdb, "spec.selector.matchLabels").entrySet()))
          .map(pdb -> str(pdb, "spec.minAvailable"))).containsExactly("1");
    }

    Map<String, Object> config = named(docs, "ConfigMap", "fb-firebreak");
    assertThat(map(config, "data")).containsEntry("TEMPORAL_ADDRESS",
        "temporal-frontend.temporal.svc.cluster.local:7233").containsEntry("LOGGING_FORMAT", "json");

    // the API Service reaches API pods only; the ServiceMonitor scrapes both roles' Services
    Map<String, Object> service = named(docs, "Service", "fb-firebreak");
    assertThat(map(api, "spec.template.metadata.labels"))
        .containsAllEntriesOf(map(service, "spec.selector"));
    assertThat(map(worker, "spec.template.metadata.labels").entrySet()
        .containsAll(map(service, "spec.selector").entrySet())).as("workers behind the API").isFalse();
    Map<String, Object> monitor = named(docs, "ServiceMonitor", "fb-firebreak");
    Map<String, Object> endpoint = (Map<String, Object>) list(monitor, "spec.endpoints").get(0);
    assertThat(endpoint).containsEntry("path", "/actuator/prometheus").containsEntry("port", "http");
    List<Map<String, Object>> scraped = docs.stream().filter(d -> "Service".equals(d.get("kind")))
        .filter(s -> map(s, "metadata.labels").entrySet()
            .containsAll(map(monitor, "spec.selector.matchLabels").entrySet()))
        .toList();
    assertThat(scraped).hasSize(2);
    for (Map<String, Object> s : scraped) {
      assertThat(list(s, "spec.ports")).anySatisfy(p -> assertThat((Map<String, Object>) p)
          .containsEntry("name", "http").containsEntry("targetPort", "http"));
    }
  }

  @Test
  void valuesChangeWhatTheyShould() throws Exception {
    List<Map<String, Object>> docs = render("prod", "--set", "database.url=postgresql://u:p@db:5432/f",
        "--set", "monitoring.serviceMonitor.enabled=false", "--set", "worker.replicas=3",
        "--set", "image.tag=1.2.3", "--set", "api.podDisruptionBudget=null");
    assertThat(docs).extracting(d -> d.get("kind")).doesNotContain("ServiceMonitor")
        .contains("Secret").containsOnlyOnce("PodDisruptionBudget");
    Map<String, Object> secret = named(docs, "Secret", "prod-firebreak-db");
    assertThat(map(secret, "stringData")).containsEntry("DATABASE_URL", "postgresql://u:p@db:5432/f");
    Map<String, Object> worker = named(docs, "Deployment", "prod-firebreak-worker");
    assertThat(str(worker, "spec.replicas")).isEqualTo("3");
    assertThat(str(container(worker), "image")).endsWith(":1.2.3");
    assertThat(list(container(worker), "envFrom").toString()).contains("prod-firebreak-db");

    String refused = runExpectingFailure(List.of(helm, "template", "x", CHART.toString(),
        "--set", "database.existingSecret="));
    assertThat(refused).contains("set database.existingSecret");
  }

  // --- rendering and reading manifests

  List<Map<String, Object>> render(String release, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(helm, "template", release, CHART.toString()));
    command.addAll(List.of(args));
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(run(command))) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
    return docs.stream().filter(d -> kind.equals(d.get("kind")))
        .filter(d -> name.equals(str(d, "metadata.name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  static Map<String, Object> container(Map<String, Object> deployment) {
    return (Map<String, Object>) list(deployment, "spec.template.spec.containers").get(0);
  }

  static String env(Map<String, Object> deployment, String name) {
    return list(container(deployment), "env").stream().map(e -> (Map<String, Object>) e)
        .filter(e -> name.equals(e.get("name"))).map(e -> String.valueOf(e.get("value")))
        .findFirst().orElse(null);
  }

  static Object at(Map<String, Object> doc, String path) {
    Object node = doc;
    for (String key : path.split("\\.")) {
      node = node instanceof Map<?, ?> m ? m.get(key) : null;
    }
    return node;
  }

  static String str(Map<String, Object> doc, String path) {
    return Objects.toString(at(doc, path), null);
  }

  static Map<String, Object> map(Map<String, Object> doc, String path) {
    Object value = at(doc, path);
    assertThat(value).as(path).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  static List<Object> list(Map<String, Object> doc, String path) {
    Object value = at(doc, path);
    assertThat(value).as(path).isInstanceOf(List.class);
    return (List<Object>) value;
  }

  static String run(List<String> command) throws IOException, InterruptedException {
    Result result = exec(command);
    assertThat(result.status()).as(String.join(" ", command) + "\n" + result.errors()).isZero();
    return result.output();
  }

  static String runExpectingFailure(List<String> command) throws IOException, InterruptedException {
    Result result = exec(command);
    assertThat(result.status()).as(String.join(" ", command)).isNotZero();
    return result.errors();
  }

  record Result(int status, String output, String errors) {}

  static Result exec(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("helm", ".out");
    Path err = Files.createTempFile("helm", ".err");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return result;
  }

  static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1].strip();
  }
}

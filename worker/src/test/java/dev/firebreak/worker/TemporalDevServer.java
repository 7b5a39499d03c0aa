package dev.firebreak.worker;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Temporal server for end-to-end tests: {@code temporal server start-dev}, on free ports,
 * with Firebreak's search attributes registered. The CLI comes from {@code FIREBREAK_TEMPORAL_CLI}
 * (set by infra/dev/test.sh), else {@code .tools/bin/temporal}, else the PATH.
 */
public final class TemporalDevServer implements AutoCloseable {

  /** NAME=TYPE lines of infra/search-attributes.txt, as infra/dev/temporal-dev-server.sh. */
  static List<String> searchAttributes() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path list = dir.resolve("infra/search-attributes.txt");
      if (Files.isRegularFile(list)) {
        return Files.readAllLines(list).stream()
            .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      }
    }
    throw new IllegalStateException("infra/search-attributes.txt not found above "
        + Path.of("").toAbsolutePath());
  }

  /**
   * Pre-created for tests whose Spring context configures workers differently (integrations on):
   * a context cached by Spring's test framework keeps polling its task queues, so contexts that
   * differ must not share a namespace.
   */
  static final List<String> EXTRA_NAMESPACES = List.of("firebreak-integrations-test");

  private static TemporalDevServer shared;

  private final Process process;
  private final String address;
  private final Path log;
  private final int port;
  private final Path database;

  private TemporalDevServer(Process process, String address, Path log, int port, Path database) {
    this.process = process;
    this.address = address;
    this.log = log;
    this.port = port;
    this.database = database;
  }

  /** One server for the whole test JVM, stopped when it exits. */
  public static synchronized TemporalDevServer shared() {
    if (shared == null) {
      shared = start();
      TemporalDevServer server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "temporal-dev-server-stop"));
    }
    return shared;
  }

  public static TemporalDevServer start() {
    return start(freePort(), null);
  }

  /**
   * A server that keeps its state in {@code database} (SQLite), so that it can be stopped and
   * started again on the same port with everything it had: see {@link #restart()}.
   */
  public static TemporalDevServer persistent(Path database) {
    return start(freePort(), database);
  }

  /** Starts again on the same port and database file; only for a {@link #persistent} server. */
  public TemporalDevServer restart() {
    close();
    return start(port, database);
  }

  private static TemporalDevServer start(int port, Path database) {
    try {
      Path log = Files.createTempFile("temporal-dev-server", ".log");
      List<String> command = new ArrayList<>(List.of(
          cli(), "server", "start-dev", "--headless", "--ip", "127.0.0.1",
          "--port", String.valueOf(port),
          "--http-port", String.valueOf(freePort()),
          "--metrics-port", String.valueOf(freePort()),
          "--log-level", "warn"));
      if (database != null) {
        command.add("--db-filename");
        command.add(database.toString());
      }
      for (String namespace : database != null ? List.<String>of() : EXTRA_NAMESPACES) {
        command.add("--namespace");
        command.add(namespace);
      }
      for (String attribute : searchAttributes()) {
        command.add("--search-attribute");
        command.add(attribute);
      }
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      TemporalDevServer server = new TemporalDevServer(process, "127.0.0.1:" + port, log, port,
          database);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String address() {
    return address;
  }

  private void awaitReady() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("temporal server start-dev exited: " + Files.readString(log));
      }
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
      try {
        stubs.healthCheck();
        return;
      } catch (RuntimeException notYet) {
        sleep();
      } finally {
        stubs.shutdownNow();
      }
    }
    throw new IllegalStateException("temporal server start-dev did not start within 60 s: "
        + Files.readString(log));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String cli() {
    String configured = System.getenv("FIREBREAK_TEMPORAL_CLI");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path local = dir.resolve(".tools/bin/temporal");
      if (Files.isExecutable(local)) {
        return local.toString();
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "temporal");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException("no Temporal CLI: run infra/dev/install-temporal-cli.sh"
        + " (or infra/dev/test.sh, which does) or set FIREBREAK_TEMPORAL_CLI");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.firebreak.worker;

import static dev.firebreak.worker.EscalationCrashTest.await;
import static dev.firebreak.worker.EscalationCrashTest.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.activities.store.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded default dies with the process: Firebreak runs as its own JVM with nothing
 * configured (in-process Temporal, embedded PostgreSQL), is killed with SIGKILL, and the
 * PostgreSQL it started is left running, orphaned, with its folder. The next start finds it,
 * stops it and removes the folder; a plain stop (SIGTERM) leaves nothing behind.
 */
class EmbeddedOrphanTest {

  Path home;
  Path log;
  Process firebreak;

  @AfterEach
  void stop() throws Exception {
    if (firebreak != null) {
      firebreak.destroyForcibly();
      firebreak.waitFor(30, TimeUnit.SECONDS);
    }
    if (home != null) {
      FileUtils.deleteDirectory(home.toFile());
    }
  }

  @Test
  void theNextStartStopsTheOrphanedDatabaseOfAKilledProcessAndRemovesItsFolder()
      throws Exception {
    home = Files.createTempDirectory("firebreak-embedded-home");
    log = Files.createTempFile("firebreak-embedded", ".log");

    start();
    Path first = onlyFolder();
    ProcessHandle firstServer = postmaster(first);

    firebreak.destroyForcibly(); // kill -9: no shutdown hook runs
    assertThat(firebreak.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(firstServer.isAlive()).as("PostgreSQL outlives the killed JVM").isTrue();
    assertThat(first).exists();

    start();
    assertThat(firstServer.isAlive()).as("the orphan was stopped").isFalse();
    assertThat(first).doesNotExist();
    Path second = onlyFolder();
    assertThat(second).isNotEqualTo(first);
    ProcessHandle secondServer = postmaster(second);

    firebreak.destroy(); // SIGTERM: the shutdown hook stops PostgreSQL and removes its folder
    assertThat(firebreak.waitFor(60, TimeUnit.SECONDS)).isTrue();
    await("the second server to stop", Duration.ofSeconds(15), () -> !secondServer.isAlive());
    assertThat(folders()).isEmpty();
  }

  /** Starts Firebreak in its embedded default, its embedded servers under {@link #home}. */
  private void start() throws IOException {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
        "-D" + EmbeddedDatabase.HOME_PROPERTY + "=" + home,
        "-cp", System.getProperty("java.class.path"),
        "dev.firebreak.worker.FirebreakApplication", "--server.port=" + port)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.remove("DATABASE_URL");
    env.remove("TEMPORAL_ADDRESS");
    firebreak = builder.start();
    EscalationCrashTest.awaitHealthy(firebreak, port, log, Duration.ofSeconds(180));
  }

  private Path onlyFolder() throws IOException {
    List<Path> folders = folders();
    assertThat(folders).hasSize(1);
    return folders.get(0);
  }

  private List<Path> folders() throws IOException {
    try (Stream<Path> list = Files.list(home)) {
      return list.filter(p -> p.getFileName().toString().startsWith("pg-")).toList();
    }
  }

  private static ProcessHandle postmaster(Path folder) throws IOException {
    long pid = Long.parseLong(
        Files.readAllLines(folder.resolve("data/postmaster.pid")).get(0).trim());
    Optional<ProcessHandle> server = ProcessHandle.of(pid);
    assertThat(server).as("postmaster " + pid).isPresent();
    assertThat(server.get().info().command().orElse("")).contains("postgres");
    return server.get();
  }
}

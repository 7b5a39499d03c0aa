package dev.firebreak.activities.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the README's run command: the same real server as {@link
 * EmbeddedDatabase}, but its data directory is a folder the user keeps ({@code
 * FIREBREAK_DATA_DIR/postgres}), so incidents, alerts and configuration survive a restart. It is
 * created on first start and reused after; it is stopped when the JVM exits.
 *
 * <p>A JVM killed with {@code kill -9} leaves its PostgreSQL running on the folder, which would
 * refuse a second server; the next start stops that one first (its pid is in {@code
 * postmaster.pid}), as PostgreSQL itself clears a pid file whose process is gone.
 */
public final class PersistentDatabase {

  private static final Logger log = LoggerFactory.getLogger(PersistentDatabase.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(20);

  private static EmbeddedPostgres postgres;
  private static Path started;

  private PersistentDatabase() {}

  /** Starts the server on {@code dataDir} on first use; later calls return the same one. */
  public static synchronized EmbeddedPostgres get(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    if (postgres != null) {
      if (!dir.equals(started)) {
        throw new IllegalStateException("the embedded PostgreSQL already runs on " + started);
      }
      return postgres;
    }
    try {
      Files.createDirectories(dir);
      stopOrphan(dir);
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL on " + dir, e);
    }
    started = dir;
    EmbeddedPostgres server = postgres;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (IOException e) {
        log.warn("embedded PostgreSQL on {} did not stop cleanly: {}", dir, e.toString());
      }
    }, "persistent-postgres-stop"));
    return postgres;
  }

  public static String jdbcUrl(Path dataDir) {
    return get(dataDir).getJdbcUrl("postgres", "postgres");
  }

  /** Stops a PostgreSQL left running on {@code dir} by a JVM that is gone. */
  static void stopOrphan(Path dir) throws IOException {
    Optional<ProcessHandle> orphan = postmaster(dir);
    if (orphan.isEmpty()) {
      return;
    }
    ProcessHandle process = orphan.get();
    log.warn("stopping PostgreSQL (pid {}) left running on {} by an earlier run", process.pid(),
        dir);
    process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone
    try {
      process.onExit().get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception notYet) {
      process.destroyForcibly();
    }
  }

  /** The live postgres process named by {@code postmaster.pid}, if any. */
  static Optional<ProcessHandle> postmaster(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
  }
}

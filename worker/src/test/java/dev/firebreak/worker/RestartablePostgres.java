package dev.firebreak.worker;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/**
 * A real PostgreSQL that a fault test can stop and start again on the same port and data
 * directory, as an operator's restart would: connections die, and what was committed is there
 * again afterwards.
 */
final class RestartablePostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  RestartablePostgres() throws IOException {
    this.dataDirectory = Files.createTempDirectory("firebreak-fault-pg");
    this.port = EscalationCrashTest.freePort();
    start();
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&password=postgres";
  }

  synchronized void start() throws IOException {
    server = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  synchronized void stop() throws IOException {
    server.close(); // pg_ctl stop -m fast: every connection is cut
  }

  @Override
  public void close() throws IOException {
    stop();
    FileUtils.deleteDirectory(dataDirectory.toFile());
  }
}

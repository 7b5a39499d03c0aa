package dev.firebreak.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which folders are orphans, with real processes standing in for the owning JVM and for the
 * postmaster: a folder is removed only when the process named in its owner file is gone (or its
 * pid now belongs to another process), and then the process named in its postmaster.pid stops.
 */
class EmbeddedOrphansTest {

  @TempDir Path home;

  @Test
  void aFolderWhoseOwnerRunsIsKeptAndOneWhoseOwnerIsGoneIsRemovedWithItsServer()
      throws Exception {
    Process owner = new ProcessBuilder("sleep", "300").start();
    Process server = new ProcessBuilder("sleep", "300").start(); // not PostgreSQL: left alone
    try {
      Path alive = folder("pg-alive", owner.toHandle());
      Path gone = folder("pg-gone", ProcessHandle.current());
      Files.writeString(gone.resolve(EmbeddedOrphans.OWNER), "999999999\n\n");
      Path reused = folder("pg-reused", ProcessHandle.current());
      Files.writeString(reused.resolve(EmbeddedOrphans.OWNER),
          ProcessHandle.current().pid() + "\n2001-01-01T00:00:00Z\n");
      Path creating = Files.createDirectories(home.resolve("pg-creating/data")).getParent();
      // a pid file naming a process that is not PostgreSQL (a reused pid) must not stop it
      Files.writeString(gone.resolve("data/postmaster.pid"), server.pid() + "\n" + gone + "\n");

      assertThat(EmbeddedOrphans.isOrphan(alive)).isFalse();
      assertThat(EmbeddedOrphans.isOrphan(gone)).isTrue();
      assertThat(EmbeddedOrphans.isOrphan(reused)).isTrue();
      assertThat(EmbeddedOrphans.isOrphan(creating)).isFalse();

      assertThat(EmbeddedOrphans.removeAll(home)).containsExactlyInAnyOrder(gone, reused);
      assertThat(gone).doesNotExist();
      assertThat(reused).doesNotExist();
      assertThat(alive).exists();
      assertThat(creating).exists();
      assertThat(server.isAlive()).isTrue();

      owner.destroyForcibly();
      assertThat(owner.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(EmbeddedOrphans.removeAll(home)).containsExactly(alive);
      assertThat(alive).doesNotExist();
    } finally {
      owner.destroyForcibly();
      server.destroyForcibly();
    }
  }

  private Path folder(String name, ProcessHandle owner) throws Exception {
    Path folder = Files.createDirectories(home.resolve(name).resolve("data")).getParent();
    String started = owner.info().startInstant().map(Instant::toString).orElse("");
    Files.writeString(folder.resolve(EmbeddedOrphans.OWNER), owner.pid() + "\n" + started + "\n");
    return folder;
  }
}

package dev.firebreak.activities.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds embedded PostgreSQL servers whose JVM is gone (killed with {@code kill -9}, or crashed
 * before its shutdown hook ran), stops them and removes their folders. A folder belongs to a live
 * JVM while the process named in its {@code owner} file (pid and start time, against pid reuse)
 * runs; a folder without an owner file is being created and is left alone.
 */
final class EmbeddedOrphans {

  static final String OWNER = "owner";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedOrphans.class);

  private EmbeddedOrphans() {}

  /** Stops and removes every orphan under {@code home}; returns the folders removed. */
  static List<Path> removeAll(Path home) {
    if (!Files.isDirectory(home)) {
      return List.of();
    }
    List<Path> removed = new java.util.ArrayList<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(home, "pg-*")) {
      for (Path folder : folders) {
        if (isOrphan(folder)) {
          stopServer(folder.resolve("data"));
          delete(folder);
          removed.add(folder);
          log.warn("removed the embedded PostgreSQL left behind by a JVM that is gone: {}",
              folder);
        }
      }
    } catch (IOException e) {
      log.warn("cannot look for orphaned embedded PostgreSQL servers in {}: {}", home,
          e.toString());
    }
    return removed;
  }

  static boolean isOrphan(Path folder) {
    List<String> owner;
    try {
      owner = Files.readAllLines(folder.resolve(OWNER));
    } catch (NoSuchFileException creating) {
      return false;
    } catch (IOException e) {
      return false;
    }
    if (owner.isEmpty()) {
      return false;
    }
    long pid = Long.parseLong(owner.get(0).trim());
    String started = owner.size() > 1 ? owner.get(1).trim() : "";
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    String actual = process.get().info().startInstant().map(Instant::toString).orElse("");
    return !started.isEmpty() && !actual.isEmpty() && !started.equals(actual); // pid reused
  }

  /** Stops the postmaster of {@code dataDirectory}, if one still runs. */
  static void stopServer(Path dataDirectory) {
    Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
    if (postmaster.isEmpty()) {
      return;
    }
    ProcessHandle server = postmaster.get();
    // SIGTERM: the JVM's sessions died with it, so the smart shutdown ends at once
    server.destroy();
    try {
      server.onExit().get(15, TimeUnit.SECONDS);
    } catch (Exception notYet) {
      server.destroyForcibly(); // its backends exit when they see the postmaster gone
    }
  }

  /** The live postmaster named by {@code postmaster.pid}, when it is PostgreSQL's. */
  static Optional<ProcessHandle> postmaster(Path dataDirectory) {
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static void delete(Path folder) {
    try {
      // the owner file goes last: a folder left half-removed is still found as an orphan
      FileUtils.deleteDirectory(folder.resolve("data").toFile());
      FileUtils.deleteDirectory(folder.toFile());
    } catch (IOException e) {
      log.warn("cannot remove {}: {}", folder, e.toString());
    }
  }
}

package dev.firebreak.activities.security;

import java.time.Instant;

/** A stored password hash and how long logins are refused for now. */
public record Credential(long userId, String passwordHash, int failedAttempts,
    Instant lockedUntil) {

  public boolean locked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}

package dev.firebreak.activities.security;

import java.time.Instant;

/** A token as listed: never its secret. {@code teamId} limits it to one team. */
public record ApiToken(long id, String name, String prefix, Role role, Long teamId,
    String createdBy, Long ownerId, Instant expiresAt, Instant createdAt, Instant revokedAt,
    Instant lastUsedAt) {

  public boolean usable(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}

package dev.firebreak.activities.security;

import dev.firebreak.activities.directory.TeamStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The application service of API tokens, so that the edge (the bearer filter, the token routes)
 * only translates HTTP: issuing, authenticating a presented secret (usable, and its use noted),
 * listing and revoking.
 */
@Service
public class ApiTokens {

  private final ApiTokenStore tokens;
  private final TeamStore teams;

  public ApiTokens(ApiTokenStore tokens, TeamStore teams) {
    this.tokens = tokens;
    this.teams = teams;
  }

  public IssuedToken issue(String name, Role role, Long teamId, String createdBy, Long ownerId,
      Instant expiresAt) {
    return tokens.issue(name, role, teamId, createdBy, ownerId, expiresAt);
  }

  /** The token whose secret this is, when it is neither revoked nor expired; its use is noted. */
  public Optional<ApiToken> authenticate(String secret) {
    Optional<ApiToken> token = tokens.findBySecret(secret).filter(t -> t.usable(Instant.now()));
    token.ifPresent(t -> tokens.used(t.id()));
    return token;
  }

  public Optional<ApiToken> find(long id) {
    return tokens.find(id);
  }

  /** Every token ({@code ownerId} null), or those of one owner. */
  public List<ApiToken> list(Long ownerId) {
    return tokens.list(ownerId);
  }

  public boolean revoke(long id) {
    return tokens.revoke(id);
  }

  /** Whether a token may be limited to {@code teamId}: the team exists. */
  public boolean teamExists(long teamId) {
    return teams.find(teamId).isPresent();
  }
}

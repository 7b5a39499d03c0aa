package dev.firebreak.api.security;

import dev.firebreak.activities.security.ApiToken;
import dev.firebreak.activities.security.ApiTokens;
import dev.firebreak.activities.security.IssuedToken;
import dev.firebreak.activities.security.AuditLog;
import dev.firebreak.activities.security.Role;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens for automation. A token never holds more than its creator: its role is at most the
 * creator's, and a team token only for a team the creator manages. The secret is in the 201
 * answer and nowhere else.
 */
@RestController
@RequestMapping("/api/v1/api-tokens")
@Tag(name = "API tokens", description = "Bearer tokens: created once, listed without secret, revoked")
public class ApiTokenController {

  public record TokenRequest(String name, String role, Long teamId, Instant expiresAt) {}

  public record TokenResponse(long id, String name, String prefix, String role, Long teamId,
      String createdBy, Instant expiresAt, Instant createdAt, Instant revokedAt,
      Instant lastUsedAt, String token) {

    static TokenResponse of(ApiToken t, String secret) {
      return new TokenResponse(t.id(), t.name(), t.prefix(), t.role().wire(), t.teamId(),
          t.createdBy(), t.expiresAt(), t.createdAt(), t.revokedAt(), t.lastUsedAt(), secret);
    }
  }

  private final ApiTokens tokens;
  private final Callers callers;
  private final AuditLog audit;

  public ApiTokenController(ApiTokens tokens, Callers callers, AuditLog audit) {
    this.tokens = tokens;
    this.callers = callers;
    this.audit = audit;
  }

  @PostMapping
  @Operation(summary = "Create an API token",
      description = "201 with the token in `token`, shown this once; 403 when the role or team"
          + " is more than the caller holds")
  public ResponseEntity<TokenResponse> create(@RequestBody TokenRequest body) {
    Caller caller = callers.current().orElseThrow();
    Checker check = new Checker();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    Role role = Role.parse(body.role()).orElse(null);
    if (role == null) {
      check.problem("role", "one of admin, responder, observer");
    }
    if (body.teamId() != null && !tokens.teamExists(body.teamId())) {
      check.problem("teamId", "no team " + body.teamId());
    }
    if (role == Role.ADMIN && body.teamId() != null) {
      check.problem("teamId", "an admin token cannot be limited to a team");
    }
    if (body.expiresAt() != null && !body.expiresAt().isAfter(Instant.now())) {
      check.problem("expiresAt", "must be in the future");
    }
    check.done();
    if (!caller.role().atLeast(role) || (caller.tokenTeamId() != null && role == Role.ADMIN)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "a " + caller.role().wire()
          + " cannot create a token with role " + role.wire());
    }
    if (caller.tokenTeamId() != null && !caller.tokenTeamId().equals(body.teamId())) {
      throw new ApiException(HttpStatus.FORBIDDEN,
          "this token is limited to team " + caller.tokenTeamId() + ", and so are its tokens");
    }
    if (body.teamId() != null && !caller.mayManage(body.teamId())) {
      throw new ApiException(HttpStatus.FORBIDDEN,
          "only managers of team " + body.teamId() + " or admins may create its tokens");
    }
    IssuedToken issued = tokens.issue(body.name(), role, body.teamId(), caller.name(),
        caller.userId(), body.expiresAt());
    TokenResponse created = TokenResponse.of(issued.token(), issued.secret());
    audit.record(caller.name(), "token.created", "api-token " + created.id(), null,
        SecretMasking.auditJson(java.util.Map.of("name", created.name(), "role", created.role(),
            "teamId", String.valueOf(created.teamId()))), null);
    return ResponseEntity.created(URI.create("/api/v1/api-tokens/" + created.id())).body(created);
  }

  @GetMapping
  @Operation(summary = "List API tokens, never their secrets",
      description = "admins see every token, others those they created")
  public List<TokenResponse> list() {
    Caller caller = callers.current().orElseThrow();
    if (!caller.admin() && caller.userId() == null) {
      return List.of();
    }
    return tokens.list(caller.admin() ? null : caller.userId()).stream()
        .map(t -> TokenResponse.of(t, null)).toList();
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke an API token", description = "204; its owner or an admin")
  public ResponseEntity<Void> revoke(@PathVariable long id) {
    Caller caller = callers.current().orElseThrow();
    ApiToken token = tokens.find(id)
        .orElseThrow(() -> ApiException.notFound("no API token " + id));
    boolean own = caller.userId() != null && caller.userId().equals(token.ownerId());
    if (!caller.admin() && !own) {
      throw new ApiException(HttpStatus.FORBIDDEN,
          "only its owner or an admin may revoke API token " + id);
    }
    tokens.revoke(id);
    audit.record(caller.name(), "token.revoked", "api-token " + id, null, null, token.name());
    return ResponseEntity.noContent().build();
  }
}

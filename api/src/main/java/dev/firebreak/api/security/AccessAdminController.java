package dev.firebreak.api.security;

import dev.firebreak.api.edge.FieldProblem;
import dev.firebreak.activities.security.Accounts;
import dev.firebreak.activities.security.AuditLog;
import dev.firebreak.activities.security.KeyRotation;
import dev.firebreak.activities.security.Role;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes to who may do what: a user's role and password, a team member's team role, and the
 * rotation of leaked keys. Who may call each is in {@link AccessRules}; the audit log records
 * each change with before and after.
 */
@RestController
@Tag(name = "Access", description = "Roles, passwords, team managers, key rotation")
public class AccessAdminController {

  public record RoleRequest(String role) {}

  public record PasswordRequest(String password) {}

  /** {@code manager} or {@code member}. */
  public record TeamRoleRequest(String role) {}

  public record KeyResponse(long id, String key) {}

  static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD_BYTES = 72;

  private final Accounts access;
  private final KeyRotation keys;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final Callers callers;

  public AccessAdminController(Accounts access, KeyRotation keys, PasswordEncoder passwords,
      AuditLog audit, Callers callers) {
    this.access = access;
    this.keys = keys;
    this.passwords = passwords;
    this.audit = audit;
    this.callers = callers;
  }

  @PutMapping("/api/v1/users/{id}/role")
  @Operation(summary = "Set a user's role (admin, responder, observer)", description = "admins only")
  public Map<String, Object> setRole(@PathVariable long id, @RequestBody RoleRequest body) {
    Role role = Role.parse(body.role()).orElseThrow(() -> ApiException.badRequest(
        java.util.List.of(new FieldProblem("role", "one of admin, responder, observer"))));
    if (!access.setRole(id, role)) {
      throw ApiException.notFound("no user " + id);
    }
    return Map.of("id", id, "role", role.wire());
  }

  @PutMapping("/api/v1/users/{id}/password")
  @Operation(summary = "Set a user's local password", description = "the user or an admin; 204")
  public ResponseEntity<Void> setPassword(@PathVariable long id,
      @RequestBody PasswordRequest body) {
    Checker check = new Checker();
    check.require("password", body.password());
    if (body.password() != null && body.password().length() < MIN_PASSWORD) {
      check.problem("password", "at least " + MIN_PASSWORD + " characters");
    }
    if (body.password() != null && body.password()
        .getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      // bcrypt reads at most 72 bytes: a longer one would be refused by the encoder (or cut)
      check.problem("password", "at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
    }
    check.done();
    if (access.user(id).isEmpty()) {
      throw ApiException.notFound("no user " + id);
    }
    access.setPassword(id, passwords.encode(body.password()));
    audit.record(callers.name(), "user.password_set", "user " + id, null, null, null);
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/api/v1/teams/{id}/members/{userId}/role")
  @Operation(summary = "Make a team member a manager or a plain member",
      description = "the team's managers or admins; the user must be a member")
  public Map<String, Object> setTeamRole(@PathVariable long id, @PathVariable long userId,
      @RequestBody TeamRoleRequest body) {
    boolean manager = "manager".equals(body.role());
    if (!manager && !"member".equals(body.role())) {
      throw ApiException.badRequest(java.util.List.of(
          new FieldProblem("role", "one of manager, member")));
    }
    var team = access.team(id).orElseThrow(() -> ApiException.notFound("no team " + id));
    if (!team.memberIds().contains(userId)) {
      throw ApiException.notFound("user " + userId + " is not a member of team " + id);
    }
    access.setManager(id, userId, manager);
    return Map.of("teamId", id, "userId", userId, "role", body.role());
  }

  @PostMapping("/api/v1/services/{id}/integration-key")
  @Operation(summary = "Rotate a service's integration key",
      description = "the new key; the old one stops working at once")
  public KeyResponse rotateServiceKey(@PathVariable long id) {
    return new KeyResponse(id, keys.rotateServiceKey(id)
        .orElseThrow(() -> ApiException.notFound("no service " + id)));
  }

  @PostMapping("/api/v1/receive-channels/{id}/key")
  @Operation(summary = "Rotate a receive channel's key",
      description = "the new key; the old one stops working at once")
  public KeyResponse rotateChannelKey(@PathVariable long id) {
    return new KeyResponse(id, keys.rotateChannelKey(id)
        .orElseThrow(() -> ApiException.notFound("no receive channel " + id)));
  }
}

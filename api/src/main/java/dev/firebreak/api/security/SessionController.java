package dev.firebreak.api.security;

import dev.firebreak.api.edge.FieldProblem;
import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.security.Accounts;
import dev.firebreak.activities.security.Credential;
import dev.firebreak.activities.security.AuditLog;
import dev.firebreak.activities.security.Secrets;
import dev.firebreak.api.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password login for the web UI: a session cookie on success. Throttled per account: after
 * {@link Accounts#FREE_ATTEMPTS} failures in a row, logins are refused with 429 for a time
 * that doubles with each further failure, even with the right password.
 */
@RestController
@RequestMapping("/api/v1/session")
@Tag(name = "Session", description = "Log in with a password (or see /oauth2/authorization/oidc), log out")
public class SessionController {

  public record LoginRequest(String email, String password) {}

  /** Who is logged in; {@code oidcLoginUrl} is set when single sign-on is configured. */
  public record SessionResponse(boolean authenticated, Long userId, String name, String role,
      String via, String oidcLoginUrl) {}

  /** Spent on unknown emails, so that timing does not tell which emails have an account. */
  private final String dummyHash;

  private final Accounts access;
  private final AuditLog audit;
  private final PasswordEncoder passwords;
  private final SecurityContextRepository contexts;
  private final Callers callers;
  private final boolean oidc;

  public SessionController(Accounts access, AuditLog audit,
      PasswordEncoder passwords, SecurityContextRepository contexts, Callers callers,
      ObjectProvider<OidcLogin> oidc) {
    this.access = access;
    this.audit = audit;
    this.passwords = passwords;
    this.contexts = contexts;
    this.callers = callers;
    this.oidc = oidc.getIfAvailable() != null;
    this.dummyHash = passwords.encode(Secrets.generate(""));
  }

  @PostMapping
  @Operation(summary = "Log in with email and password",
      description = "200 and a session cookie; 401 wrong email or password; 429 while throttled")
  public SessionResponse login(@RequestBody LoginRequest body, HttpServletRequest request,
      HttpServletResponse response) {
    if (body.email() == null || body.password() == null) {
      throw ApiException.badRequest(java.util.List.of(
          new FieldProblem("email", "email and password are required")));
    }
    Optional<User> user = access.userByEmail(body.email());
    Optional<Credential> credential = user.flatMap(u -> access.credential(u.id()));
    Instant now = Instant.now();
    if (credential.isPresent() && credential.get().locked(now)) {
      audit.record(body.email(), "auth.login_refused", "password", null, null,
          "too many failed logins: locked until " + credential.get().lockedUntil());
      throw throttled(credential.get().lockedUntil(), now);
    }
    if (credential.isEmpty()) {
      passwords.matches(body.password(), dummyHash);
      audit.record(body.email(), "auth.login_failed", "password", null, null,
          "no account with a password");
      throw wrongPassword();
    }
    if (!passwords.matches(body.password(), credential.get().passwordHash())) {
      Instant lockedUntil = access.failed(user.get().id(), now);
      audit.record(body.email(), "auth.login_failed", "password", null, null,
          lockedUntil == null ? "wrong password" : "wrong password; locked until " + lockedUntil);
      throw wrongPassword();
    }
    access.succeeded(user.get().id());
    new SessionLogin(user.get().id(), user.get().email(), "password")
        .start(contexts, request, response);
    audit.record(user.get().email(), "auth.login", "password", null, null, "password login");
    return current();
  }

  @GetMapping
  @Operation(summary = "Who is logged in (open: the web UI asks before showing its login)")
  public SessionResponse current() {
    String oidcUrl = oidc ? OidcLogin.START : null;
    return callers.current()
        .map(c -> new SessionResponse(true, c.userId(), c.name(), c.role().wire(), c.via(),
            oidcUrl))
        .orElse(new SessionResponse(false, null, null, null, null, oidcUrl));
  }

  @DeleteMapping
  @Operation(summary = "Log out", description = "204; the session ends")
  public ResponseEntity<Void> logout(HttpServletRequest request) {
    audit.record(callers.name(), "auth.logout", "session", null, null, null);
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(Throttled.class)
  ResponseEntity<ProblemDetail> throttled(Throttled e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    return ResponseEntity.status(e.status()).headers(e.headers())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static ApiException wrongPassword() {
    return new ApiException(HttpStatus.UNAUTHORIZED, "wrong email or password");
  }

  private static ApiException throttled(Instant until, Instant now) {
    long seconds = Math.max(1, Duration.between(now, until).toSeconds());
    return new Throttled("too many failed logins: try again in " + seconds + " s", seconds);
  }

  /** A 429 whose Retry-After says when to try again. */
  static final class Throttled extends ApiException {

    final long retryAfterSeconds;

    Throttled(String detail, long retryAfterSeconds) {
      super(HttpStatus.TOO_MANY_REQUESTS, detail);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    HttpHeaders headers() {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
      return headers;
    }
  }
}

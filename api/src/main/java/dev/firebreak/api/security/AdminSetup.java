package dev.firebreak.api.security;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.security.Accounts;
import dev.firebreak.activities.security.AuditLog;
import dev.firebreak.activities.security.Role;
import dev.firebreak.activities.security.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Nothing is left open on a first start: when no admin exists and no FIREBREAK_ADMIN_TOKEN is
 * set, an admin account is made with a random password, printed once in the log. The password
 * is never stored in clear; its owner changes it with {@code PUT /api/v1/users/{id}/password}.
 */
@Component
public class AdminSetup {

  private static final Logger log = LoggerFactory.getLogger(AdminSetup.class);

  private final Accounts access;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final String adminToken;
  private final String email;
  private final String publicUrl;

  public AdminSetup(Accounts access, PasswordEncoder passwords,
      AuditLog audit, @Value("${firebreak.security.admin-token:}") String adminToken,
      @Value("${firebreak.security.setup-admin-email:admin@firebreak.local}") String email,
      @Value("${FIREBREAK_PUBLIC_URL:http://localhost:8080}") String publicUrl) {
    this.access = access;
    this.passwords = passwords;
    this.audit = audit;
    this.adminToken = adminToken;
    this.email = email;
    this.publicUrl = publicUrl;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void firstStart() {
    if (!adminToken.isBlank() || access.anyAdmin()) {
      return;
    }
    User admin = access.userByEmail(email)
        .orElseGet(() -> access.createUser("Administrator", email, Role.ADMIN));
    String password = Secrets.generate("");
    access.setRole(admin.id(), Role.ADMIN);
    access.setPassword(admin.id(), passwords.encode(password));
    audit.record("firebreak", "user.setup_admin", "user " + admin.id(), null, null,
        "first start without an admin: setup password printed in the log");
    log.warn("""

        ======================================================================
        No admin yet: log in at {} as {}
        with the one-time setup password {}
        then set your own (PUT /api/v1/users/{}/password) or configure OIDC.
        ======================================================================""",
        publicUrl, email, password, admin.id());
  }
}

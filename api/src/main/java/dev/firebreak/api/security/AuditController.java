package dev.firebreak.api.security;

import dev.firebreak.activities.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for admins: newest first, at most 500 entries a call. */
@RestController
@Tag(name = "Audit", description = "Configuration changes and authentication events")
public class AuditController {

  private final AuditLog audit;

  public AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit")
  @Operation(summary = "Read the audit log", description = "admins only; filter by actor and time")
  public List<AuditLog.Entry> find(@RequestParam(required = false) String actor,
      @RequestParam(required = false) Instant since,
      @RequestParam(defaultValue = "200") int limit) {
    return audit.find(actor, since, Math.max(1, Math.min(500, limit)));
  }
}

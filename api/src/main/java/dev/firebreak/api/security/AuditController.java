package dev.firebreak.api.security;

import dev.firebreak.activities.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for admins: newest first, at most 500 entries a call. */
@RestController
@Tag(name = "Audit", description = "Configuration changes and authentication events")
public class AuditController {

  /** One entry, the states before and after as JSON (secrets masked). */
  public record AuditEntry(long id, Instant at, String actor, String action, String target,
      JsonNode before, JsonNode after, String detail) {}

  private final AuditLog audit;
  private final JsonMapper json;

  public AuditController(AuditLog audit, JsonMapper json) {
    this.audit = audit;
    this.json = json;
  }

  @GetMapping("/api/v1/audit")
  @Operation(summary = "Read the audit log", description = "admins only; filter by actor and time")
  public List<AuditEntry> find(@RequestParam(required = false) String actor,
      @RequestParam(required = false) Instant since,
      @RequestParam(defaultValue = "200") int limit) {
    return audit.find(actor, since, Math.max(1, Math.min(500, limit))).stream()
        .map(e -> new AuditEntry(e.id(), e.at(), e.actor(), e.action(), e.target(),
            tree(e.before()), tree(e.after()), e.detail()))
        .toList();
  }

  private JsonNode tree(String text) {
    return text == null ? null : json.readTree(text);
  }
}

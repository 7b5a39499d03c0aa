package dev.firebreak.api.contact;

import dev.firebreak.activities.notify.Contacts;
import dev.firebreak.activities.notify.NotificationRule;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's notification rules: when a step pages the user, each rule reaches its contact method
 * {@code delayMinutes} later unless the incident is acknowledged first. A user with no rule is
 * paged on every usable contact method at once.
 */
@RestController
@RequestMapping("/api/v1/users/{userId}/notification-rules")
@Tag(name = "Notification rules", description = "When each contact method is used in a page")
public class NotificationRuleController {

  /** The body of a create or a replace. */
  public record RuleRequest(Long contactMethodId, Integer delayMinutes) {}

  static final int MAX_DELAY = 24 * 60;

  private final Contacts contacts;

  public NotificationRuleController(Contacts contacts) {
    this.contacts = contacts;
  }

  @PostMapping
  @Operation(summary = "Add a notification rule")
  public ResponseEntity<NotificationRule> create(@PathVariable long userId,
      @RequestBody RuleRequest body) {
    validate(userId, body);
    try {
      NotificationRule rule = contacts.addRule(userId, body.contactMethodId(), body.delayMinutes());
      return ResponseEntity.created(URI.create("/api/v1/users/" + userId
          + "/notification-rules/" + rule.id())).body(rule);
    } catch (DuplicateKeyException e) {
      throw taken(body);
    }
  }

  @GetMapping
  public List<NotificationRule> list(@PathVariable long userId) {
    requireUser(userId);
    return contacts.rules(userId);
  }

  @PutMapping("/{id}")
  public NotificationRule update(@PathVariable long userId, @PathVariable long id,
      @RequestBody RuleRequest body) {
    validate(userId, body);
    try {
      return contacts.replaceRule(userId, id, body.contactMethodId(), body.delayMinutes())
          .orElseThrow(() -> notFound(userId, id));
    } catch (DuplicateKeyException e) {
      throw taken(body);
    }
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long userId, @PathVariable long id) {
    if (!contacts.removeRule(userId, id)) {
      throw notFound(userId, id);
    }
    return ResponseEntity.noContent().build();
  }

  private void validate(long userId, RuleRequest body) {
    requireUser(userId);
    Checker check = new Checker();
    check.require("contactMethodId", body.contactMethodId());
    check.require("delayMinutes", body.delayMinutes());
    check.range("delayMinutes", body.delayMinutes(), 0, MAX_DELAY);
    if (body.contactMethodId() != null
        && contacts.method(userId, body.contactMethodId()).isEmpty()) {
      check.problem("contactMethodId", "user " + userId + " has no contact method "
          + body.contactMethodId());
    }
    check.done();
  }

  private void requireUser(long userId) {
    if (!contacts.userExists(userId)) {
      throw ApiException.notFound("no user " + userId);
    }
  }

  private static ApiException taken(RuleRequest body) {
    return ApiException.conflict("a rule for contact method " + body.contactMethodId()
        + " at " + body.delayMinutes() + " minutes already exists");
  }

  private static ApiException notFound(long userId, long id) {
    return ApiException.notFound("user " + userId + " has no notification rule " + id);
  }
}

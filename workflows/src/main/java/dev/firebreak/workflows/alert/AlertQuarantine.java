package dev.firebreak.workflows.alert;

import dev.firebreak.workflows.alert.messages.QuarantinedEvent;
import io.temporal.activity.ActivityInterface;

/**
 * Where an alert group puts an event its read model refuses for good (a NUL character, a dedup
 * key longer than the column): kept where a person can see it, so the group can go on with its
 * next events instead of failing.
 */
@ActivityInterface
public interface AlertQuarantine {

  /**
   * Keeps the event in a form that cannot itself be refused (text escaped, no length limit) and
   * counts it. Idempotent: keyed by {@link QuarantinedEvent#key()}, the last write of a key winning
   * (a workflow task that failed and ran again may write its key with other content).
   */
  void quarantine(QuarantinedEvent event);
}

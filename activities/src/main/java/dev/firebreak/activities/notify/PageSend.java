package dev.firebreak.activities.notify;

import java.time.Instant;

/**
 * One rule of one plan as recorded: where it goes, when it is due, its status ({@code DUE},
 * {@code PENDING}, {@code SENT}, {@code FAILED}, {@code STOPPED}, {@code BUNDLED}) and what the
 * provider said of its delivery.
 */
public record PageSend(long id, String planId, String ruleKey, long incidentId, long userId,
    long contactMethodId, String type, String label, String toValue, int delayMinutes,
    Instant dueAt, String status, int attempts, String detail, String replyCode,
    String providerId, String delivery, Instant sentAt) {

  public boolean finished() {
    return NotifySendStore.SENT.equals(status) || NotifySendStore.FAILED.equals(status)
        || NotifySendStore.STOPPED.equals(status);
  }
}

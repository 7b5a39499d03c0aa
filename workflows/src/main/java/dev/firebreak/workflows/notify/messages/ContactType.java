package dev.firebreak.workflows.notify.messages;

import java.util.Locale;

/**
 * The ways a person can be reached. SMS and voice reach a phone number, so they are paged only
 * once verified: a wrong number would wake a stranger.
 */
public enum ContactType {
  SMS,
  VOICE,
  EMAIL,
  SLACK,
  TEAMS,
  WEBHOOK;

  /** Whether a page may use the method before its owner proved it reaches them. */
  public boolean needsVerification() {
    return this == SMS || this == VOICE;
  }

  /** The lower-case word used in the API and on the timeline ({@code sms}, {@code voice}). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}

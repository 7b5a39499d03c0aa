package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.messages.ContactType;

/**
 * One way of reaching people, one bean each: a new channel, or a second provider for failover, is
 * one more bean. A channel throws on an outage worth retrying (transport errors, 5xx, 429) and
 * answers a refusal that retrying cannot fix as a failed {@link Delivery}.
 */
public interface NotificationChannel {

  /** The contact type this channel reaches. */
  ContactType type();

  /** Whether its settings are there; an unconfigured channel fails its sends for good. */
  boolean configured();

  Delivery send(Message message);

  /** A provider's answer: {@code providerId} (Twilio's SID) when it accepted. */
  record Delivery(boolean ok, String providerId, String detail) {

    public static Delivery accepted(String providerId) {
      return new Delivery(true, providerId, null);
    }

    public static Delivery refused(String detail) {
      return new Delivery(false, null, detail);
    }
  }
}

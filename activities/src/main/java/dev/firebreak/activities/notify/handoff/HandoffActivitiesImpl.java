package dev.firebreak.activities.notify.handoff;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.notify.ContactMethod;
import dev.firebreak.activities.notify.ContactMethodStore;
import dev.firebreak.activities.notify.Message;
import dev.firebreak.activities.notify.NotificationChannel;
import dev.firebreak.activities.oncall.OnCallLookup;
import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.workflows.notify.messages.ContactType;
import dev.firebreak.workflows.notify.HandoffActivities;
import dev.firebreak.workflows.notify.messages.Handoff;
import dev.firebreak.workflows.oncall.Schedule;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Handoffs of schedules: the next shift start within {@link #LOOKAHEAD}, computed by the same
 * on-call calculation as the API; and the notice "You are on call for Primary from Sun 29 Nov
 * 09:00 to Mon 30 Nov 09:00 (Europe/Paris)" sent on each incoming person's first usable contact
 * method. The notice is recorded before it is sent, so it is sent at most once.
 */
@Component("handoffActivities")
public class HandoffActivitiesImpl implements HandoffActivities {

  static final Duration LOOKAHEAD = Duration.ofDays(30);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final ScheduleStore schedules;
  private final OnCallLookup onCall;
  private final UserStore users;
  private final ContactMethodStore contacts;
  private final Map<ContactType, NotificationChannel> channels;
  private final JdbcClient jdbc;

  public HandoffActivitiesImpl(ScheduleStore schedules, OnCallLookup onCall, UserStore users,
      ContactMethodStore contacts, List<NotificationChannel> channels, JdbcClient jdbc) {
    this.schedules = schedules;
    this.onCall = onCall;
    this.users = users;
    this.contacts = contacts;
    this.channels = channels.stream()
        .collect(Collectors.toMap(NotificationChannel::type, Function.identity(), (a, b) -> a));
    this.jdbc = jdbc;
  }

  @Override
  public Handoff nextHandoff(long scheduleId, Instant after) {
    Optional<Schedule> schedule = schedules.find(scheduleId);
    if (schedule.isEmpty()) {
      return null;
    }
    return onCall.shifts(schedule.get(), after, after.plus(LOOKAHEAD)).stream()
        .filter(s -> s.start().isAfter(after) && !s.users().isEmpty())
        .findFirst()
        .map(s -> new Handoff(scheduleId, schedule.get().name(), s.start(), s.end(),
            s.users().stream().map(User::id).toList()))
        .orElse(new Handoff(scheduleId, schedule.get().name(), null, null, List.of()));
  }

  @Override
  public void tell(Handoff handoff) {
    for (long userId : handoff.userIds()) {
      Optional<User> user = users.find(userId);
      Optional<ContactMethod> first = contacts.forUser(userId).stream()
          .filter(ContactMethod::usable)
          .filter(m -> channels.containsKey(m.type()) && channels.get(m.type()).configured())
          .findFirst();
      if (user.isEmpty() || first.isEmpty() || !claim(handoff, userId)) {
        continue;
      }
      String text = text(handoff, zone(user.get()));
      channels.get(first.get().type()).send(new Message(null, first.get(), user.get().name(),
          "On call for " + handoff.scheduleName(), text, List.of(), null));
    }
  }

  /** "You are on call for Primary from Sun 29 Nov 09:00 to Mon 30 Nov 09:00 (UTC)". */
  static String text(Handoff handoff, ZoneId zone) {
    return "You are on call for " + handoff.scheduleName() + " from "
        + WHEN.format(handoff.start().atZone(zone))
        + (handoff.end() == null ? "" : " to " + WHEN.format(handoff.end().atZone(zone)))
        + " (" + zone.getId() + ").";
  }

  private boolean claim(Handoff handoff, long userId) {
    return jdbc.sql("INSERT INTO handoff_notice (schedule_id, start_at, user_id)"
            + " VALUES (:s, :t, :u) ON CONFLICT DO NOTHING")
        .param("s", handoff.scheduleId()).param("t", Timestamp.from(handoff.start()))
        .param("u", userId).update() > 0;
  }

  private static ZoneId zone(User user) {
    try {
      return ZoneId.of(user.timeZone());
    } catch (DateTimeException | NullPointerException e) {
      return ZoneId.of("UTC");
    }
  }
}

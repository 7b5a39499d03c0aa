package dev.firebreak.workflows.oncall;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is on call: pure functions of a schedule, its overrides and an instant, shared by the API and
 * the escalation workflows (deterministic, no I/O).
 *
 * <ul>
 *   <li>A layer has nobody before its start. Turn {@code k} of a daily or weekly rotation starts at
 *       the local time {@code start + k days/weeks} in the schedule's zone, so handoffs keep their
 *       local time across daylight-saving changes (a turn is then 23 or 25 hours long); an {@code
 *       hours} rotation counts elapsed hours. The user of turn {@code k} is {@code users[k mod n]}.
 *   <li>Restrictions only mask a layer: the rotation goes on behind them.
 *   <li>The last layer that has someone wins.
 *   <li>Overrides replace the whole on-call set for their span; overlapping overrides add up.
 * </ul>
 */
public final class OnCall {

  /** The most change points {@link #shifts} looks at; ranges longer than that are refused. */
  public static final int MAX_CHANGE_POINTS = 200_000;

  private OnCall() {}

  /** The users on call at {@code t}, in a stable order; empty when nobody is. */
  public static List<Long> at(Schedule schedule, List<ScheduleOverride> overrides, Instant t) {
    Set<Long> overriding = new LinkedHashSet<>();
    for (ScheduleOverride o : overrides) {
      if (o.covers(t)) {
        overriding.add(o.userId());
      }
    }
    if (!overriding.isEmpty()) {
      return List.copyOf(overriding);
    }
    ZoneId zone = zone(schedule);
    List<Layer> layers = schedule.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      Long user = layerUser(layers.get(i), zone, t);
      if (user != null) {
        return List.of(user);
      }
    }
    return List.of();
  }

  /** The user a layer has on call at {@code t}, or null when it has nobody then. */
  public static Long layerUser(Layer layer, ZoneId zone, Instant t) {
    if (layer.users().isEmpty()) {
      return null;
    }
    long turn = turn(layer, zone, t);
    if (turn < 0) {
      return null;
    }
    if (!layer.restrictions().isEmpty()) {
      LocalDateTime local = LocalDateTime.ofInstant(t, zone);
      boolean covered = false;
      for (Restriction r : layer.restrictions()) {
        if (r.covers(local)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return null;
      }
    }
    return layer.users().get((int) (turn % layer.users().size()));
  }

  /**
   * The final shifts between {@code from} and {@code to}: consecutive spans with the same users
   * merged, spans with nobody on call left out.
   */
  public static List<Shift> shifts(
      Schedule schedule, List<ScheduleOverride> overrides, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      return List.of();
    }
    ZoneId zone = zone(schedule);
    TreeSet<Instant> points = new TreeSet<>();
    points.add(from);
    for (Layer layer : schedule.layers()) {
      addTurnStarts(points, layer, zone, from, to);
      addRestrictionEdges(points, layer, zone, from, to);
    }
    for (ScheduleOverride o : overrides) {
      addIfInside(points, o.start(), from, to);
      addIfInside(points, o.end(), from, to);
    }
    List<Shift> shifts = new ArrayList<>();
    List<Instant> starts = new ArrayList<>(points);
    Instant openStart = null;
    List<Long> openUsers = List.of();
    for (int i = 0; i < starts.size(); i++) {
      Instant start = starts.get(i);
      List<Long> users = at(schedule, overrides, start);
      if (openStart != null && !users.equals(openUsers)) {
        shifts.add(new Shift(openStart, start, openUsers));
        openStart = null;
      }
      if (openStart == null && !users.isEmpty()) {
        openStart = start;
        openUsers = users;
      }
    }
    if (openStart != null) {
      shifts.add(new Shift(openStart, to, openUsers));
    }
    return shifts;
  }

  /** The schedule's zone; a bad zone id is refused when the schedule is stored. */
  public static ZoneId zone(Schedule schedule) {
    try {
      return ZoneId.of(schedule.timeZone());
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  /** The index of the turn running at {@code t}, or -1 before the layer starts. */
  static long turn(Layer layer, ZoneId zone, Instant t) {
    Instant start = layer.start().atZone(zone).toInstant();
    if (t.isBefore(start)) {
      return -1;
    }
    Rotation rotation = layer.rotation();
    if (rotation.type() == Rotation.Type.HOURS) {
      long period = rotation.hours() * 3_600_000L;
      return (t.toEpochMilli() - start.toEpochMilli()) / period;
    }
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    long k = rotation.type() == Rotation.Type.WEEKLY
        ? ChronoUnit.WEEKS.between(layer.start(), local)
        : ChronoUnit.DAYS.between(layer.start(), local);
    k = Math.max(0, k);
    while (!turnStart(layer, zone, k + 1).isAfter(t)) {
      k++;
    }
    while (k > 0 && turnStart(layer, zone, k).isAfter(t)) {
      k--;
    }
    return k;
  }

  static Instant turnStart(Layer layer, ZoneId zone, long turn) {
    Rotation rotation = layer.rotation();
    if (rotation.type() == Rotation.Type.HOURS) {
      return layer.start().atZone(zone).toInstant().plus(turn * rotation.hours(), ChronoUnit.HOURS);
    }
    return rotation.localTurnStart(layer.start(), turn).atZone(zone).toInstant();
  }

  private static void addTurnStarts(
      TreeSet<Instant> points, Layer layer, ZoneId zone, Instant from, Instant to) {
    long k = Math.max(0, turn(layer, zone, from));
    for (Instant s = turnStart(layer, zone, k); s.isBefore(to); s = turnStart(layer, zone, ++k)) {
      addIfInside(points, s, from, to);
      guard(points);
    }
  }

  private static void addRestrictionEdges(
      TreeSet<Instant> points, Layer layer, ZoneId zone, Instant from, Instant to) {
    if (layer.restrictions().isEmpty()) {
      return;
    }
    LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
    for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last);
        day = day.plusDays(1)) {
      for (Restriction r : layer.restrictions()) {
        if (!r.onDay(day.getDayOfWeek())) {
          continue;
        }
        addIfInside(points, day.atTime(r.from()).atZone(zone).toInstant(), from, to);
        LocalDate endDay = r.from().isBefore(r.to()) ? day : day.plusDays(1);
        addIfInside(points, endDay.atTime(r.to()).atZone(zone).toInstant(), from, to);
      }
      guard(points);
    }
  }

  private static void addIfInside(TreeSet<Instant> points, Instant t, Instant from, Instant to) {
    if (!t.isBefore(from) && t.isBefore(to)) {
      points.add(t);
    }
  }

  private static void guard(TreeSet<Instant> points) {
    if (points.size() > MAX_CHANGE_POINTS) {
      throw new IllegalArgumentException("the range has more than " + MAX_CHANGE_POINTS
          + " handoffs; ask for a shorter one");
    }
  }
}

package dev.firebreak.workflows.oncall;

import dev.firebreak.workflows.oncall.ScheduleDraft.LayerDraft;
import dev.firebreak.workflows.oncall.ScheduleDraft.RestrictionDraft;
import dev.firebreak.workflows.validation.InvalidInput;
import dev.firebreak.workflows.validation.Problems;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The rules of a schedule, as pure functions (GoAlert's {@code Normalize}): a {@link
 * ScheduleDraft} becomes a {@link Schedule}, or every wrong field is named at once. Whether the
 * users exist is asked of the caller; a taken name is the store's to say.
 */
public final class ScheduleValidation {

  public static final int MAX_LAYERS = 20;
  public static final int MAX_LAYER_USERS = 500;
  static final int MAX_ROTATION_HOURS = 24 * 366;

  private ScheduleValidation() {}

  /**
   * The schedule {@code draft} describes, with id {@code id}, or {@link InvalidInput} naming every
   * wrong field. {@code missingUsers} answers which of the given user ids do not exist.
   */
  public static Schedule normalize(
      long id, ScheduleDraft draft, Function<Set<Long>, Set<Long>> missingUsers) {
    Problems problems = new Problems();
    problems.require("name", draft.name());
    problems.maxLength("name", draft.name(), 255);
    problems.require("timeZone", draft.timeZone());
    if (draft.timeZone() != null && !draft.timeZone().isBlank()) {
      try {
        ZoneId.of(draft.timeZone());
      } catch (DateTimeException e) {
        problems.add("timeZone",
            "'" + draft.timeZone() + "' is not a time zone (like Europe/Paris)");
      }
    }
    List<LayerDraft> drafts = draft.layers() == null ? List.of() : draft.layers();
    if (drafts.size() > MAX_LAYERS) {
      problems.add("layers", "at most " + MAX_LAYERS + " layers");
    }
    List<Layer> layers = new ArrayList<>();
    Set<Long> userIds = new TreeSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      Layer layer = layer(problems, "layers[" + i + "]", drafts.get(i), i);
      if (layer != null) {
        layers.add(layer);
        userIds.addAll(layer.users());
      }
    }
    if (!userIds.isEmpty()) {
      Set<Long> missing = new TreeSet<>(missingUsers.apply(userIds));
      if (!missing.isEmpty()) {
        problems.add("layers", "no users " + missing);
      }
    }
    problems.throwIfAny();
    return new Schedule(id, draft.name().trim(), draft.timeZone(), layers);
  }

  static Layer layer(Problems problems, String field, LayerDraft l, int index) {
    if (l == null) {
      problems.add(field, "is required");
      return null;
    }
    int before = problems.count();
    LocalDateTime start = null;
    problems.require(field + ".start", l.start());
    if (l.start() != null) {
      try {
        start = LocalDateTime.parse(l.start());
      } catch (DateTimeParseException e) {
        problems.add(field + ".start", "'" + l.start()
            + "' is not a local date-time (like 2026-11-02T09:00:00)");
      }
    }
    Rotation rotation = rotation(problems, field + ".rotation", l.rotation());
    if (l.users() == null || l.users().isEmpty()) {
      problems.add(field + ".users", "give at least one user");
    } else if (l.users().size() > MAX_LAYER_USERS) {
      problems.add(field + ".users", "at most " + MAX_LAYER_USERS + " users");
    } else if (l.users().stream().anyMatch(u -> u == null)) {
      problems.add(field + ".users", "must not contain null");
    }
    List<Restriction> restrictions = new ArrayList<>();
    List<RestrictionDraft> rs = l.restrictions() == null ? List.of() : l.restrictions();
    for (int j = 0; j < rs.size(); j++) {
      Restriction r = restriction(problems, field + ".restrictions[" + j + "]", rs.get(j));
      if (r != null) {
        restrictions.add(r);
      }
    }
    problems.maxLength(field + ".name", l.name(), 255);
    if (problems.count() != before) {
      return null;
    }
    String name = l.name() == null || l.name().isBlank() ? "Layer " + (index + 1) : l.name();
    return new Layer(name, start, rotation, l.users(), restrictions);
  }

  static Rotation rotation(Problems problems, String field, Object value) {
    if (value == null) {
      problems.add(field, "is required: \"daily\", \"weekly\" or {\"hours\": N}");
      return null;
    }
    if (value instanceof String s) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "daily":
          return Rotation.DAILY;
        case "weekly":
          return Rotation.WEEKLY;
        default:
          break;
      }
    } else if (value instanceof Map<?, ?> m && m.size() == 1
        && m.get("hours") instanceof Number n && n.doubleValue() == n.intValue()) {
      if (n.intValue() < 1 || n.intValue() > MAX_ROTATION_HOURS) {
        problems.add(field + ".hours", "must be between 1 and " + MAX_ROTATION_HOURS);
        return null;
      }
      return Rotation.everyHours(n.intValue());
    }
    problems.add(field, "must be \"daily\", \"weekly\" or {\"hours\": N}");
    return null;
  }

  static Restriction restriction(Problems problems, String field, RestrictionDraft r) {
    if (r == null) {
      problems.add(field, "is required");
      return null;
    }
    List<DayOfWeek> days = new ArrayList<>();
    for (String day : r.days() == null ? List.<String>of() : r.days()) {
      DayOfWeek d = day(day);
      if (d == null) {
        problems.add(field + ".days", "'" + day + "' is not a day (MON..SUN)");
      } else {
        days.add(d);
      }
    }
    LocalTime from = time(problems, field + ".from", r.from());
    LocalTime to = time(problems, field + ".to", r.to());
    return from == null || to == null ? null : new Restriction(days, from, to);
  }

  static DayOfWeek day(String day) {
    if (day == null) {
      return null;
    }
    String d = day.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek w : DayOfWeek.values()) {
      if (w.name().equals(d) || w.name().substring(0, 3).equals(d)) {
        return w;
      }
    }
    return null;
  }

  static LocalTime time(Problems problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(field, "is required (HH:mm)");
      return null;
    }
    if (value.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(field, "'" + value + "' is not a time (HH:mm)");
      return null;
    }
  }
}

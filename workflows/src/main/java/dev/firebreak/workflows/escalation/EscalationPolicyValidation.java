package dev.firebreak.workflows.escalation;

import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.StepDraft;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.TargetDraft;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.WindowDraft;
import dev.firebreak.workflows.validation.InvalidInput;
import dev.firebreak.workflows.validation.Problems;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The rules of an escalation policy, as pure functions (GoAlert's {@code escalation/step.go}
 * {@code Normalize}): at most {@value #MAX_STEPS} steps of 1..{@value #MAX_DELAY_MINUTES} minutes,
 * each with 1..{@value #MAX_TARGETS} targets that exist, repeat 0..5; a step may page round robin
 * (people only) and may run only inside a time window ({@link StepWindow}). Whether a target exists is
 * asked of the caller.
 */
public final class EscalationPolicyValidation {

  public static final int MAX_STEPS = 20;
  public static final int MAX_TARGETS = 50;
  public static final int MAX_DELAY_MINUTES = 1440;
  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern PAGERDUTY_SERVICE = Pattern.compile("[A-Za-z0-9]{1,32}");

  private EscalationPolicyValidation() {}

  /**
   * The policy {@code draft} describes, with id {@code id}, or {@link InvalidInput} naming every
   * wrong field; {@code exists} answers whether a user, schedule or team of that id exists.
   */
  public static EscalationPolicy normalize(
      long id, EscalationPolicyDraft draft, BiPredicate<TargetType, Long> exists) {
    Problems problems = new Problems();
    problems.require("name", draft.name());
    problems.maxLength("name", draft.name(), 255);
    problems.range("repeat", draft.repeat(), 0, 5);
    List<StepDraft> drafts = draft.steps() == null ? List.of() : draft.steps();
    if (drafts.isEmpty()) {
      problems.add("steps", "give at least one step");
    } else if (drafts.size() > MAX_STEPS) {
      problems.add("steps", "at most " + MAX_STEPS + " steps");
    }
    List<EscalationPolicy.Step> steps = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      EscalationPolicy.Step step = step(problems, "steps[" + i + "]", drafts.get(i), exists);
      if (step != null) {
        steps.add(step);
      }
    }
    problems.throwIfAny();
    return new EscalationPolicy(id, draft.name().trim(),
        draft.repeat() == null ? 0 : draft.repeat(), steps);
  }

  static EscalationPolicy.Step step(
      Problems problems, String field, StepDraft s, BiPredicate<TargetType, Long> exists) {
    if (s == null) {
      problems.add(field, "is required");
      return null;
    }
    problems.require(field + ".delayMinutes", s.delayMinutes());
    problems.range(field + ".delayMinutes", s.delayMinutes(), 1, MAX_DELAY_MINUTES);
    List<TargetDraft> targets = s.targets() == null ? List.of() : s.targets();
    if (targets.isEmpty()) {
      problems.add(field + ".targets", "give at least one target");
    } else if (targets.size() > MAX_TARGETS) {
      problems.add(field + ".targets", "at most " + MAX_TARGETS + " targets");
    }
    List<Target> valid = new ArrayList<>();
    for (int j = 0; j < targets.size(); j++) {
      Target target = target(problems, field + ".targets[" + j + "]", targets.get(j), exists);
      if (target != null) {
        valid.add(target);
      }
    }
    StepMode mode = problems.oneOf(field + ".mode", s.mode(), StepMode.class, StepMode.ALL);
    if (mode == StepMode.ROUND_ROBIN
        && valid.stream().anyMatch(t -> t.type() == TargetType.PAGERDUTY)) {
      problems.add(field + ".mode", "a round_robin step pages people: no pagerduty targets");
    }
    StepWindow when = s.when() == null ? null : window(problems, field + ".when", s.when());
    return s.delayMinutes() == null ? null
        : new EscalationPolicy.Step(s.delayMinutes(), valid,
            mode == StepMode.ALL ? null : mode, when);
  }

  /** A step's time window: known days, "HH:mm" times that differ, a known time zone. */
  static StepWindow window(Problems problems, String field, WindowDraft w) {
    int before = problems.count();
    List<DayOfWeek> days = new ArrayList<>();
    if (w.days() == null || w.days().isEmpty()) {
      problems.add(field + ".days", "give at least one day");
    } else {
      for (String day : w.days()) {
        DayOfWeek d = day(day);
        if (d == null) {
          problems.add(field + ".days", "'" + day + "' is not a day (mon..sun)");
        } else if (!days.contains(d)) {
          days.add(d);
        }
      }
    }
    LocalTime from = time(problems, field + ".from", w.from());
    LocalTime to = time(problems, field + ".to", w.to());
    if (from != null && from.equals(to)) {
      problems.add(field + ".to", "must differ from 'from'");
    }
    problems.require(field + ".timeZone", w.timeZone());
    String zone = null;
    if (w.timeZone() != null) {
      try {
        zone = ZoneId.of(w.timeZone().trim()).getId();
      } catch (DateTimeException e) {
        problems.add(field + ".timeZone", "'" + w.timeZone() + "' is not a time zone");
      }
    }
    if (problems.count() > before) {
      return null;
    }
    days.sort(null);
    return new StepWindow(days, from.toString(), to.toString(), zone);
  }

  private static DayOfWeek day(String day) {
    if (day == null) {
      return null;
    }
    String d = day.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek candidate : DayOfWeek.values()) {
      if (d.length() >= 3 && candidate.name().startsWith(d)) {
        return candidate;
      }
    }
    return null;
  }

  private static LocalTime time(Problems problems, String field, String value) {
    problems.require(field, value);
    if (value == null) {
      return null;
    }
    if (!HH_MM.matcher(value.trim()).matches()) {
      problems.add(field, "'" + value + "' is not a time of day (HH:mm)");
      return null;
    }
    return LocalTime.parse(value.trim());
  }

  static Target target(
      Problems problems, String field, TargetDraft t, BiPredicate<TargetType, Long> exists) {
    if (t == null) {
      problems.add(field, "is required");
      return null;
    }
    problems.require(field + ".type", t.type());
    TargetType type = problems.oneOf(field + ".type", t.type(), TargetType.class, null);
    if (type == TargetType.PAGERDUTY) {
      String service = t.pagerdutyServiceId() == null ? null : t.pagerdutyServiceId().trim();
      if (service == null || !PAGERDUTY_SERVICE.matcher(service).matches()) {
        problems.add(field + ".pagerdutyServiceId",
            "a pagerduty target needs a PagerDuty service id (letters and digits)");
        return null;
      }
      return new Target(type, 0, service);
    }
    problems.require(field + ".id", t.id());
    if (type == null || t.id() == null) {
      return null;
    }
    if (!exists.test(type, t.id())) {
      problems.add(field + ".id", "no " + type.name().toLowerCase(Locale.ROOT) + " " + t.id());
      return null;
    }
    return new Target(type, t.id());
  }
}

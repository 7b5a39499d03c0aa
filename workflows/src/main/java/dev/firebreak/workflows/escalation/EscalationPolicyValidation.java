package dev.firebreak.workflows.escalation;

import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.StepDraft;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.TargetDraft;
import dev.firebreak.workflows.validation.InvalidInput;
import dev.firebreak.workflows.validation.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The rules of an escalation policy, as pure functions (GoAlert's {@code escalation/step.go}
 * {@code Normalize}): at most {@value #MAX_STEPS} steps of 1..{@value #MAX_DELAY_MINUTES} minutes,
 * each with 1..{@value #MAX_TARGETS} targets that exist, repeat 0..5. Whether a target exists is
 * asked of the caller.
 */
public final class EscalationPolicyValidation {

  public static final int MAX_STEPS = 20;
  public static final int MAX_TARGETS = 50;
  public static final int MAX_DELAY_MINUTES = 1440;
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
    return s.delayMinutes() == null ? null : new EscalationPolicy.Step(s.delayMinutes(), valid);
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

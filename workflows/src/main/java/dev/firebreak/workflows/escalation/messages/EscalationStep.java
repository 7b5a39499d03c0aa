package dev.firebreak.workflows.escalation.messages;

/**
 * Which step of its policy an escalation pages, as data: {@code round} (the policy's repeat) and
 * {@code step}, both from 0, and {@code trigger}, how many times an ack timeout escalated again.
 * Carried by every page, so whoever records pages (the simulator, a PagerDuty page) reads the
 * position instead of parsing the timeline's prose.
 */
public record EscalationStep(int trigger, int round, int step) {

  /** As people read it on the timeline: "step 1, round 1". */
  public String describe() {
    return "step " + (step + 1) + ", round " + (round + 1);
  }
}

package dev.firebreak.api.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore;
import dev.firebreak.activities.oncall.EscalationPolicyStore;
import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.workflows.oncall.OnCall;
import dev.firebreak.workflows.oncall.Schedule;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What {@code /incident oncall} shows: who is on call now in each schedule, PagerDuty's current
 * on-calls when PagerDuty is enabled, and a "Page" button for each service with an escalation
 * policy (the click opens an incident on that service, whose policy then pages).
 */
@Component
public class SlackOnCall {

  /** The action id of a service's page button: {@code oncall_page_<serviceId>}. */
  public static final String PAGE_PREFIX = "oncall_page_";
  public static final Pattern PAGE_ACTION = Pattern.compile("^" + PAGE_PREFIX + "\\d+$");
  /** Slack allows at most 25 elements in an actions block. */
  static final int MAX_BUTTONS = 25;

  private final ScheduleStore schedules;
  private final UserStore users;
  private final ServiceStore services;
  private final EscalationPolicyStore policies;
  private final PagerDutySettings pagerDuty;
  private final PagerDutyStore pagerDutyStore;

  public SlackOnCall(ScheduleStore schedules, UserStore users, ServiceStore services,
      EscalationPolicyStore policies, PagerDutySettings pagerDuty, PagerDutyStore pagerDutyStore) {
    this.schedules = schedules;
    this.users = users;
    this.services = services;
    this.policies = policies;
    this.pagerDuty = pagerDuty;
    this.pagerDutyStore = pagerDutyStore;
  }

  /** The on-call text in Slack's markdown. */
  public String text(Instant now) {
    StringBuilder text = new StringBuilder("*On call now*");
    List<Schedule> all = schedules.list();
    if (all.isEmpty()) {
      text.append("\nNo schedules yet.");
    }
    for (Schedule schedule : all) {
      List<Long> ids = OnCall.at(schedule, schedules.overrides(schedule.id(), now,
          now.plusMillis(1)), now);
      String who = ids.isEmpty() ? "_nobody_" : users.findAll(ids).stream()
          .map(SlackOnCall::mention).collect(Collectors.joining(", "));
      text.append("\n• *").append(schedule.name()).append("*: ").append(who);
    }
    if (pagerDuty.enabled()) {
      Map<String, List<PagerDutyStore.OnCall>> byPolicy = new LinkedHashMap<>();
      for (PagerDutyStore.OnCall oncall : pagerDutyStore.onCalls()) {
        byPolicy.computeIfAbsent(oncall.escalationPolicyName(), k -> new ArrayList<>())
            .add(oncall);
      }
      text.append("\n*PagerDuty*");
      if (byPolicy.isEmpty()) {
        text.append("\nNo PagerDuty on-call synced yet.");
      }
      byPolicy.forEach((policy, oncalls) -> {
        text.append("\n• *").append(policy).append("*: ");
        text.append(oncalls.stream()
            .map(o -> "L" + o.escalationLevel() + " " + o.userName())
            .collect(Collectors.joining(", ")));
      });
    }
    return text.toString();
  }

  /** The text, then a page button for each service that has an escalation policy. */
  public List<LayoutBlock> blocks(Instant now) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text(now)))));
    List<BlockElement> buttons = new ArrayList<>();
    for (Service service : services.list()) {
      if (service.escalationPolicyId() == null || buttons.size() == MAX_BUTTONS) {
        continue;
      }
      String policy = policies.find(service.escalationPolicyId())
          .map(p -> p.name()).orElse(null);
      if (policy == null) {
        continue;
      }
      buttons.add(button(b -> b.actionId(PAGE_PREFIX + service.id())
          .value(String.valueOf(service.id()))
          .text(plainText("Page " + service.name()))));
    }
    if (!buttons.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText(
          "Page a service's escalation policy: this opens an incident on it."))));
      blocks.add(actions(a -> a.blockId("oncall_page").elements(buttons)));
    }
    return blocks;
  }

  private static String mention(User user) {
    return user.slackUserId() == null ? user.name() : "<@" + user.slackUserId() + ">";
  }
}

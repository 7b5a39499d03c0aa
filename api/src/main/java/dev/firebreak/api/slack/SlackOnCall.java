package dev.firebreak.api.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.services.Services;
import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyOnCalls;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyOnCalls.OnCallPolicy;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.oncall.OnCallLookup;
import dev.firebreak.activities.oncall.OnCallLookup.OnCallNow;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  private final OnCallLookup onCall;
  private final Services services;
  private final PagerDutySettings pagerDuty;
  private final PagerDutyOnCalls pagerDutyOnCalls;

  public SlackOnCall(OnCallLookup onCall, Services services, PagerDutySettings pagerDuty,
      PagerDutyOnCalls pagerDutyOnCalls) {
    this.onCall = onCall;
    this.services = services;
    this.pagerDuty = pagerDuty;
    this.pagerDutyOnCalls = pagerDutyOnCalls;
  }

  /** The on-call text in Slack's markdown. */
  public String text(Instant now) {
    StringBuilder text = new StringBuilder("*On call now*");
    List<OnCallNow> all = onCall.everyScheduleAt(now);
    if (all.isEmpty()) {
      text.append("\nNo schedules yet.");
    }
    for (OnCallNow schedule : all) {
      String who = schedule.users().isEmpty() ? "_nobody_" : schedule.users().stream()
          .map(SlackOnCall::mention).collect(Collectors.joining(", "));
      text.append("\n• *").append(schedule.schedule().name()).append("*: ").append(who);
    }
    if (pagerDuty.enabled()) {
      List<OnCallPolicy> policies = pagerDutyOnCalls.byPolicy();
      text.append("\n*PagerDuty*");
      if (policies.isEmpty()) {
        text.append("\nNo PagerDuty on-call synced yet.");
      }
      for (OnCallPolicy policy : policies) {
        text.append("\n• *").append(policy.name()).append("*: ");
        text.append(policy.levels().stream()
            .flatMap(level -> level.onCall().stream()
                .map(person -> "L" + level.level() + " " + person.name()))
            .collect(Collectors.joining(", ")));
      }
    }
    return text.toString();
  }

  /** The text, then a page button for each service that has an escalation policy. */
  public List<LayoutBlock> blocks(Instant now) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text(now)))));
    List<BlockElement> buttons = new ArrayList<>();
    for (Services.Pageable pageable : services.pageable(MAX_BUTTONS)) {
      Service service = pageable.service();
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

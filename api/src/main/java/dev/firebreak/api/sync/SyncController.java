package dev.firebreak.api.sync;

import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyOnCalls;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyOnCalls.OnCallPolicy;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.sync.SyncRuns;
import dev.firebreak.activities.sync.SyncRuns.Outcome;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Syncs on demand, and PagerDuty's on-call for everyone, from the synced copy. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Integrations", description = "PagerDuty and Confluence syncs, on-call")
public class SyncController {

  static final Duration WAIT = Duration.ofSeconds(60);

  public record OnCallResponse(List<OnCallPolicy> escalationPolicies) {}

  private final SyncRuns syncs;
  private final PagerDutySettings pagerDuty;
  private final ConfluenceSettings confluence;
  private final PagerDutyOnCalls onCalls;

  public SyncController(
      SyncRuns syncs, PagerDutySettings pagerDuty, ConfluenceSettings confluence,
      PagerDutyOnCalls onCalls) {
    this.syncs = syncs;
    this.pagerDuty = pagerDuty;
    this.confluence = confluence;
    this.onCalls = onCalls;
  }

  @PostMapping("/syncs/pagerduty")
  @Operation(summary = "Sync PagerDuty now",
      description = "Services, users, schedules, escalation policies and on-calls; answers what"
          + " changed. A sync already running is joined, not doubled.")
  public SyncReport syncPagerDuty() {
    if (!pagerDuty.enabled()) {
      throw ApiException.conflict("PagerDuty is not enabled (ENABLE_PAGERDUTY)");
    }
    return report(syncs.pagerDuty(WAIT));
  }

  @PostMapping("/syncs/confluence-oncall")
  @Operation(summary = "Rewrite the Confluence on-call page now")
  public SyncReport exportConfluenceOnCall() {
    if (!confluence.onCallExportEnabled()) {
      throw ApiException.conflict("the Confluence on-call page is not configured"
          + " (ENABLE_CONFLUENCE, CONFLUENCE_ON_CALL_PAGE_ID)");
    }
    return report(syncs.confluenceOnCall(WAIT));
  }

  @GetMapping("/pagerduty/oncall")
  @Operation(summary = "Who is on call, by escalation policy and level",
      description = "From the last PagerDuty sync; readable by everyone, PagerDuty access or not")
  public OnCallResponse onCall() {
    if (!pagerDuty.enabled()) {
      throw ApiException.conflict("PagerDuty is not enabled (ENABLE_PAGERDUTY)");
    }
    return new OnCallResponse(onCalls.byPolicy());
  }

  private static SyncReport report(Outcome outcome) {
    if (outcome instanceof Outcome.StillRunning running) {
      throw new ApiException(HttpStatus.GATEWAY_TIMEOUT,
          "the sync is still running (workflow " + running.workflowId() + "); see Temporal UI");
    }
    if (outcome instanceof Outcome.Failed failed) {
      throw new ApiException(HttpStatus.BAD_GATEWAY, "the sync failed: " + failed.reason());
    }
    return ((Outcome.Done) outcome).report();
  }
}

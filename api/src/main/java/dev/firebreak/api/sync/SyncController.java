package dev.firebreak.api.sync;

import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore.OnCall;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.integrations.ConfluenceOnCallExportWorkflow;
import dev.firebreak.workflows.integrations.PagerDutySyncWorkflow;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  static final int WAIT_SECONDS = 60;

  /** One person on call at one level of a policy. */
  public record OnCallPerson(
      String userId, String name, String email, Long firebreakUserId, String scheduleId,
      String scheduleName, Instant start, Instant end) {}

  public record OnCallLevel(int level, List<OnCallPerson> onCall) {}

  public record OnCallPolicy(String escalationPolicyId, String name, List<OnCallLevel> levels) {}

  public record OnCallResponse(List<OnCallPolicy> escalationPolicies) {}

  private final WorkflowClient client;
  private final PagerDutySettings pagerDuty;
  private final ConfluenceSettings confluence;
  private final PagerDutyStore store;

  public SyncController(
      WorkflowClient client, PagerDutySettings pagerDuty, ConfluenceSettings confluence,
      PagerDutyStore store) {
    this.client = client;
    this.pagerDuty = pagerDuty;
    this.confluence = confluence;
    this.store = store;
  }

  @PostMapping("/syncs/pagerduty")
  @Operation(summary = "Sync PagerDuty now",
      description = "Services, users, schedules, escalation policies and on-calls; answers what"
          + " changed. A sync already running is joined, not doubled.")
  public SyncReport syncPagerDuty() {
    if (!pagerDuty.enabled()) {
      throw ApiException.conflict("PagerDuty is not enabled (ENABLE_PAGERDUTY)");
    }
    return run(PagerDutySyncWorkflow.ON_DEMAND_ID, "PagerDutySyncWorkflow");
  }

  @PostMapping("/syncs/confluence-oncall")
  @Operation(summary = "Rewrite the Confluence on-call page now")
  public SyncReport exportConfluenceOnCall() {
    if (!confluence.onCallExportEnabled()) {
      throw ApiException.conflict("the Confluence on-call page is not configured"
          + " (ENABLE_CONFLUENCE, CONFLUENCE_ON_CALL_PAGE_ID)");
    }
    return run(ConfluenceOnCallExportWorkflow.ON_DEMAND_ID, "ConfluenceOnCallExportWorkflow");
  }

  @GetMapping("/pagerduty/oncall")
  @Operation(summary = "Who is on call, by escalation policy and level",
      description = "From the last PagerDuty sync; readable by everyone, PagerDuty access or not")
  public OnCallResponse onCall() {
    if (!pagerDuty.enabled()) {
      throw ApiException.conflict("PagerDuty is not enabled (ENABLE_PAGERDUTY)");
    }
    Map<String, OnCallPolicy> policies = new LinkedHashMap<>();
    Map<String, Map<Integer, List<OnCallPerson>>> levels = new LinkedHashMap<>();
    for (OnCall o : store.onCalls()) {
      policies.putIfAbsent(o.escalationPolicyId(), null);
      levels.computeIfAbsent(o.escalationPolicyId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(o.escalationLevel(), k -> new ArrayList<>())
          .add(new OnCallPerson(o.userId(), o.userName(), o.userEmail(), o.firebreakUserId(),
              o.scheduleId(),
              o.scheduleName(), o.start(), o.end()));
      if (policies.get(o.escalationPolicyId()) == null) {
        policies.put(o.escalationPolicyId(),
            new OnCallPolicy(o.escalationPolicyId(), o.escalationPolicyName(), List.of()));
      }
    }
    List<OnCallPolicy> result = new ArrayList<>();
    policies.forEach((id, policy) -> result.add(new OnCallPolicy(id, policy.name(),
        levels.get(id).entrySet().stream()
            .map(e -> new OnCallLevel(e.getKey(), e.getValue()))
            .toList())));
    return new OnCallResponse(result);
  }

  private SyncReport run(String workflowId, String workflowType) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowType,
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.INTEGRATIONS)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .setWorkflowIdConflictPolicy(
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .build());
    stub.start();
    try {
      return stub.getResult(WAIT_SECONDS, TimeUnit.SECONDS, SyncReport.class);
    } catch (TimeoutException e) {
      throw new ApiException(HttpStatus.GATEWAY_TIMEOUT,
          "the sync is still running (workflow " + workflowId + "); see Temporal UI");
    } catch (WorkflowFailedException e) {
      throw new ApiException(HttpStatus.BAD_GATEWAY,
          "the sync failed: " + dev.firebreak.workflows.Failures.rootMessage(e));
    }
  }
}

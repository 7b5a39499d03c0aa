package dev.firebreak.workflows.slack;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.Catching;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public class InviteWorkflowImpl implements InviteWorkflow {

  /** Version 1 answers a failed lookup or invitation as a failure in the result, not a fail. */
  static final String CATCH = "invite-catch";

  private final InviteActivities activities =
      Workflow.newActivityStub(InviteActivities.class, Retries.invite());

  @Override
  public InviteResult invite(InviteRequest request) {
    List<String> providers;
    try {
      providers = activities.providers();
    } catch (ActivityFailure failed) {
      return new InviteResult(List.of(), List.of(new InviteResult.ProviderFailure("all",
          Catching.orRethrow(CATCH, failed))));
    }
    Map<String, Promise<List<String>>> asked = new LinkedHashMap<>();
    for (String provider : providers) {
      asked.put(provider, Async.function(activities::responders, provider, request));
    }
    Set<String> everyone = new LinkedHashSet<>();
    List<InviteResult.ProviderFailure> failures = new ArrayList<>();
    for (Map.Entry<String, Promise<List<String>>> answer : asked.entrySet()) {
      try {
        everyone.addAll(answer.getValue().get());
      } catch (ActivityFailure failed) {
        failures.add(new InviteResult.ProviderFailure(answer.getKey(), reason(failed)));
      }
    }
    if (everyone.isEmpty()) {
      return new InviteResult(List.of(), failures);
    }
    try {
      return new InviteResult(activities.invite(request.channelId(), List.copyOf(everyone)),
          failures);
    } catch (ActivityFailure failed) {
      failures.add(new InviteResult.ProviderFailure("invite", Catching.orRethrow(CATCH, failed)));
      return new InviteResult(List.of(), failures);
    }
  }

  static String reason(ActivityFailure failed) {
    Throwable cause = failed.getCause();
    if (cause instanceof ApplicationFailure app) {
      return app.getOriginalMessage();
    }
    return cause == null ? failed.getMessage() : cause.getMessage();
  }
}

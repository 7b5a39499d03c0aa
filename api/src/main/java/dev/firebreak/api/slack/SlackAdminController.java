package dev.firebreak.api.slack;

import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.model.Usergroup;
import dev.firebreak.activities.slack.SlackApi;
import dev.firebreak.activities.slack.SlackCallFailed;
import dev.firebreak.activities.slack.SlackGroups;
import dev.firebreak.activities.slack.SlackConfiguration;
import dev.firebreak.activities.slack.SlackGroup;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.edge.FieldProblem;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.slack.SlackSyncWorkflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack settings: which conversations and user groups carry which tag ({@code tech_incidents},
 * {@code dev_firefighter}, {@code it_deploy}, {@code invited_for_all_public_p1}) and which
 * incident categories invite them. A user group or conversation is added by its Slack id alone;
 * its name and members are read from Slack. Also starts a sync on demand.
 */
@RestController
@RequestMapping("/api/v1/slack")
@Tag(name = "Slack", description = "Conversation tags, user groups and sync")
public class SlackAdminController {

  /** {@code tag} one of the tags or null; {@code categories} incident categories. */
  public record Settings(String tag, List<String> categories) {}

  private final SlackApi slack;
  private final SlackConfiguration store;
  private final SlackGroups groups;
  private final WorkflowClient temporal;

  public SlackAdminController(SlackApi slack, SlackConfiguration store, SlackGroups groups,
      WorkflowClient temporal) {
    this.slack = slack;
    this.store = store;
    this.groups = groups;
    this.temporal = temporal;
  }

  @GetMapping("/conversations")
  @Operation(summary = "Conversations Firebreak knows, optionally those with one tag")
  public List<SlackGroup> conversations(@RequestParam(required = false) String tag) {
    return store.conversations(tag == null || tag.isBlank() ? null : checkTag(tag));
  }

  @PutMapping("/conversations/{channelId}")
  @Operation(summary = "Tag a conversation and/or link it to incident categories")
  public SlackGroup configureConversation(@PathVariable String channelId,
      @RequestBody Settings body) {
    String tag = body.tag() == null || body.tag().isBlank() ? null : checkTag(body.tag());
    ConversationsInfoResponse info = fromSlack(() -> slack.call("conversations.info",
        m -> m.conversationsInfo(r -> r.channel(channelId))), "channelId", channelId);
    return store.configureConversation(channelId, info.getChannel().getName(),
        info.getChannel().isPrivate(), tag, categories(body));
  }

  @DeleteMapping("/conversations/{channelId}")
  @Operation(summary = "Remove a conversation's tag and categories")
  public ResponseEntity<Void> forgetConversation(@PathVariable String channelId) {
    if (!store.unmanageConversation(channelId)) {
      throw ApiException.notFound("no configured conversation " + channelId);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/usergroups")
  @Operation(summary = "User groups Firebreak knows")
  public List<SlackGroup> usergroups() {
    return store.usergroups();
  }

  @PutMapping("/usergroups/{usergroupId}")
  @Operation(summary = "Add a user group by its Slack id; its handle, name and members come from"
      + " Slack")
  public SlackGroup configureUsergroup(@PathVariable String usergroupId,
      @RequestBody(required = false) Settings body) {
    Settings settings = body == null ? new Settings(null, List.of()) : body;
    String tag = settings.tag() == null || settings.tag().isBlank() ? null
        : checkTag(settings.tag());
    UsergroupsListResponse list = fromSlack(() -> slack.call("usergroups.list",
        m -> m.usergroupsList(r -> r.includeDisabled(false))), "usergroupId", usergroupId);
    Usergroup group = list.getUsergroups().stream()
        .filter(g -> usergroupId.equals(g.getId())).findFirst()
        .orElseThrow(() -> ApiException.notFound("Slack has no user group " + usergroupId));
    List<String> members = fromSlack(() -> groups.usergroupMembers(usergroupId), "usergroupId",
        usergroupId);
    return store.configureUsergroup(usergroupId, group.getHandle(), group.getName(), tag,
        categories(settings), members);
  }

  @DeleteMapping("/usergroups/{usergroupId}")
  @Operation(summary = "Remove a user group's tag and categories")
  public ResponseEntity<Void> forgetUsergroup(@PathVariable String usergroupId) {
    if (!store.unmanageUsergroup(usergroupId)) {
      throw ApiException.notFound("no configured user group " + usergroupId);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/sync")
  @Operation(summary = "Sync users, user groups and conversations from Slack now",
      description = "202 with the sync workflow's id")
  public ResponseEntity<Map<String, String>> sync() {
    requireSlack();
    String id = SlackSyncWorkflow.SCHEDULE_ID + "-" + UUID.randomUUID();
    SlackSyncWorkflow workflow = temporal.newWorkflowStub(SlackSyncWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.INCIDENTS).build());
    WorkflowClient.start(workflow::sync);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("workflowId", id));
  }

  private void requireSlack() {
    if (!slack.settings().enabled()) {
      throw ApiException.conflict("Slack is not configured (SLACK_BOT_TOKEN)");
    }
  }

  private <T> T fromSlack(java.util.function.Supplier<T> call, String field, String id) {
    requireSlack();
    try {
      return call.get();
    } catch (SlackCallFailed failed) {
      if (failed.retryable()) {
        throw ApiException.unavailable("Slack is unavailable (" + failed.error() + "); retry");
      }
      if (failed.error() != null && failed.error().contains("not_found")) {
        throw ApiException.notFound("Slack does not know " + id + " (" + failed.error() + ")");
      }
      throw ApiException.badRequest(List.of(new FieldProblem(field,
          "Slack refused " + id + ": " + failed.error())));
    }
  }

  private static String checkTag(String tag) {
    if (!SlackConfiguration.TAGS.contains(tag)) {
      throw ApiException.badRequest(List.of(new FieldProblem("tag",
          "'" + tag + "' is not one of " + SlackConfiguration.TAGS)));
    }
    return tag;
  }

  private static List<String> categories(Settings body) {
    return body.categories() == null ? List.of()
        : body.categories().stream().filter(c -> c != null && !c.isBlank()).map(String::trim)
            .distinct().toList();
  }
}

package dev.firebreak.api.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.model.block.LayoutBlock;
import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import java.time.Instant;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.slack.SlackSettings;
import dev.firebreak.activities.slack.SlackStore;
import dev.firebreak.activities.store.IncidentFilter;
import dev.firebreak.api.incident.IncidentService;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.slack.SosWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the Slack app does: the {@code /incident} command and its subcommands, the modals, the
 * "Open incident" shortcut, the App Home, and the {@code :mega:} reaction. Every handler answers
 * Slack within its 3 seconds; changes go to incident workflows as updates (their refusals shown in
 * the modal), and Slack side effects happen in the workflows' activities. Opening a modal
 * ({@code views.open}) and rendering the App Home ({@code views.publish}) are the answer to the
 * user's click and happen here, within the trigger's lifetime.
 */
@Component
public class SlackHandlers {

  private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);

  /** One {@code /incident} subcommand: its invocation and what it does. */
  @FunctionalInterface
  interface Subcommand {
    Response run(Invocation invocation) throws IOException, SlackApiException;
  }

  /** A parsed {@code /incident <name> <args>}. */
  record Invocation(SlashCommandPayload payload, SlashCommandContext ctx, String name,
      String args) {
  }

  private record Entry(String usage, String help, Subcommand subcommand) {}

  private final SlackSettings settings;
  private final IncidentService incidents;
  private final SlackIncidentUpdates updates;
  private final SlackStore store;
  private final UserStore users;
  private final WorkflowClient temporal;
  private final SlackOnCall onCall;
  private final ServiceStore services;
  private final Map<String, Entry> subcommands = new LinkedHashMap<>();

  public SlackHandlers(SlackSettings settings, IncidentService incidents,
      SlackIncidentUpdates updates, SlackStore store, UserStore users, WorkflowClient temporal,
      SlackOnCall onCall, ServiceStore services) {
    this.settings = settings;
    this.incidents = incidents;
    this.updates = updates;
    this.store = store;
    this.users = users;
    this.temporal = temporal;
    this.onCall = onCall;
    this.services = services;
    // Adding a subcommand is one method and one line here.
    subcommand("open", "", "open an incident (a form asks for its details)", this::open);
    subcommand("update", "[id]", "change status, roles or priority of this channel's incident",
        this::update);
    subcommand("close", "[id]", "close this channel's incident", this::close);
    subcommand("status", "[id]", "this channel's incident, or the open ones", this::status);
    subcommand("sos", "[message]", "call the SOS responders for help, here", this::sos);
    subcommand("oncall", "", "who is on call now, and buttons to page a service's escalation"
        + " policy", this::oncall);
    subcommand("help", "", "this help", this::help);
  }

  void subcommand(String name, String usage, String help, Subcommand subcommand) {
    subcommands.put(name, new Entry(usage, help, subcommand));
  }

  /** Registers every handler on Bolt's app. */
  public void register(App app) {
    app.command(settings.command(), this::command);
    for (String alias : settings.commandAliases()) {
      app.command(alias, this::command);
    }
    app.globalShortcut(IncidentModals.OPEN_SHORTCUT, (req, ctx) -> {
      openView(ctx.client(), req.getPayload().getTriggerId(), IncidentModals.open());
      return ctx.ack();
    });
    app.viewSubmission(IncidentModals.OPEN, this::submitOpen);
    app.viewSubmission(IncidentModals.UPDATE, this::submitUpdate);
    app.viewSubmission(IncidentModals.CLOSE, this::submitClose);
    app.blockAction(IncidentModals.HOME_OPEN, (req, ctx) -> {
      openView(ctx.client(), req.getPayload().getTriggerId(), IncidentModals.open());
      return ctx.ack();
    });
    app.blockAction(IncidentModals.HOME_UPDATE, (req, ctx) -> {
      long id = Long.parseLong(req.getPayload().getActions().get(0).getValue());
      try {
        openView(ctx.client(), req.getPayload().getTriggerId(),
            IncidentModals.update(incidents.get(id)));
      } catch (ApiException gone) {
        log.info("App Home update of incident {}: {}", id, gone.getMessage());
      }
      return ctx.ack();
    });
    app.blockAction(IncidentModals.HOME_CLOSE, (req, ctx) -> {
      long id = Long.parseLong(req.getPayload().getActions().get(0).getValue());
      try {
        openView(ctx.client(), req.getPayload().getTriggerId(),
            IncidentModals.close(incidents.get(id)));
      } catch (ApiException gone) {
        log.info("App Home close of incident {}: {}", id, gone.getMessage());
      }
      return ctx.ack();
    });
    app.blockAction(SlackOnCall.PAGE_ACTION, this::pageService);
    app.blockAction(ACKNOWLEDGE_ACTION, this::acknowledgeButton);
    app.blockAction(RESOLVE_ACTION, this::resolveButton);
    app.event(ReactionAddedEvent.class, this::reactionAdded);
    app.event(AppHomeOpenedEvent.class, this::homeOpened);
  }

  // the command

  Response command(SlashCommandRequest request, SlashCommandContext ctx) throws IOException, SlackApiException {
    SlashCommandPayload payload = request.getPayload();
    String text = payload.getText() == null ? "" : payload.getText().trim();
    String[] words = text.split("\\s+", 2);
    String name = words[0].toLowerCase(java.util.Locale.ROOT);
    String args = words.length > 1 ? words[1].trim() : "";
    if (name.isEmpty()) {
      return help(new Invocation(payload, ctx, "help", ""));
    }
    Entry entry = subcommands.get(name);
    if (entry == null) {
      return ctx.ack(":warning: Unknown subcommand `" + name + "`.\n" + helpText(payload));
    }
    try {
      return entry.subcommand().run(new Invocation(payload, ctx, name, args));
    } catch (ApiException e) {
      return ctx.ack(":warning: " + e.getMessage());
    }
  }

  Response oncall(Invocation in) {
    Instant now = Instant.now();
    String text = onCall.text(now);
    List<LayoutBlock> blocks = onCall.blocks(now);
    return in.ctx().ack(r -> r.text(text).blocks(blocks));
  }

  // the buttons of escalation pages and of /incident oncall

  /** The buttons of an escalation page (see the on-call SlackPager), valued with the incident id. */
  static final String ACKNOWLEDGE_ACTION = "incident_acknowledge";
  static final String RESOLVE_ACTION = "incident_resolve";

  /**
   * "Page <service>": opens a P2 incident on the service, whose escalation policy then pages. The
   * dedup key comes from the click, so Slack's retry of the same click opens nothing more.
   */
  Response pageService(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    BlockActionPayload.Action action = payload.getActions().get(0);
    String author = author(payload.getUser().getId(), payload.getUser().getUsername());
    Optional<Service> service = services.find(Long.parseLong(action.getValue()));
    if (service.isEmpty()) {
      return reply(ctx, ":warning: That service no longer exists.");
    }
    Incident draft = new Incident(0, "Paged from Slack: " + service.get().name(),
        "Paged by " + author + " with /" + settings.command().replace("/", "") + " oncall",
        Priority.P2, Environment.PRD, null, false,
        "slack-page-" + payload.getUser().getId() + "-" + action.getActionTs(), null, author,
        Status.OPEN, null, Roles.NONE, KeyEvents.NONE, 0, service.get().id());
    Incident incident = incidents.create(draft).incident();
    return reply(ctx, ":rotating_light: Incident #" + incident.id() + " opened on "
        + service.get().name() + "; its escalation policy is paging.");
  }

  Response acknowledgeButton(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    BlockActionPayload.Action action = payload.getActions().get(0);
    long id = Long.parseLong(action.getValue());
    String slackUser = payload.getUser().getId();
    Long userId = users.findBySlackUserId(slackUser).map(u -> u.id()).orElse(null);
    String author = author(slackUser, payload.getUser().getUsername());
    try {
      updates.apply(id, "acknowledge", "slack-ack-" + slackUser + "-" + action.getActionTs(),
          new Acknowledge(userId, author));
      return reply(ctx, ":white_check_mark: " + author + " acknowledged incident #" + id
          + ": paging stopped.");
    } catch (SlackIncidentUpdates.Refused | ApiException refused) {
      return reply(ctx, ":warning: Incident #" + id + ": " + refused.getMessage());
    }
  }

  /** "Resolve" from a page: the incident is MITIGATED, which also stops its escalation. */
  Response resolveButton(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    BlockActionPayload.Action action = payload.getActions().get(0);
    long id = Long.parseLong(action.getValue());
    String slackUser = payload.getUser().getId();
    String author = author(slackUser, payload.getUser().getUsername());
    try {
      updates.apply(id, "changeStatus", "slack-resolve-" + slackUser + "-" + action.getActionTs(),
          new ChangeStatus(Status.MITIGATED, "Resolved from Slack by " + author, null, author));
      return reply(ctx, ":white_check_mark: " + author + " marked incident #" + id
          + " MITIGATED.");
    } catch (SlackIncidentUpdates.Refused | ApiException refused) {
      return reply(ctx, ":warning: Incident #" + id + ": " + refused.getMessage());
    }
  }

  /** Acknowledges the click and tells the user how it went, where Slack gave a response URL. */
  private Response reply(ActionContext ctx, String text) {
    try {
      if (ctx.getResponseUrl() != null) {
        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
      }
    } catch (IOException | RuntimeException e) {
      log.info("could not answer a Slack button ({}): {}", text, e.getMessage());
    }
    return ctx.ack();
  }

  Response open(Invocation in) throws IOException, SlackApiException {
    String error = openView(in.ctx().client(), in.payload().getTriggerId(), IncidentModals.open());
    return error == null ? in.ctx().ack() : in.ctx().ack(":warning: " + error);
  }

  Response update(Invocation in) throws IOException, SlackApiException {
    Optional<Incident> incident = target(in);
    if (incident.isEmpty()) {
      return in.ctx().ack(noIncident(in));
    }
    String error = openView(in.ctx().client(), in.payload().getTriggerId(),
        IncidentModals.update(incident.get()));
    return error == null ? in.ctx().ack() : in.ctx().ack(":warning: " + error);
  }

  Response close(Invocation in) throws IOException, SlackApiException {
    Optional<Incident> incident = target(in);
    if (incident.isEmpty()) {
      return in.ctx().ack(noIncident(in));
    }
    String error = openView(in.ctx().client(), in.payload().getTriggerId(),
        IncidentModals.close(incident.get()));
    return error == null ? in.ctx().ack() : in.ctx().ack(":warning: " + error);
  }

  Response status(Invocation in) {
    Optional<Incident> incident = target(in);
    if (incident.isPresent()) {
      return in.ctx().ack(IncidentModals.headline(incident.get()));
    }
    List<Incident> open = openIncidents(null);
    if (open.isEmpty()) {
      return in.ctx().ack("No open incident.");
    }
    StringBuilder text = new StringBuilder("*Open incidents*");
    for (Incident i : open) {
      text.append("\n").append(IncidentModals.headline(i).replace("\n", " — "));
    }
    return in.ctx().ack(text.toString());
  }

  Response sos(Invocation in) {
    List<String> targets = settings.sosTargets();
    if (targets.isEmpty()) {
      return in.ctx().ack(":warning: No SOS responders are configured (SLACK_SOS_TARGETS).");
    }
    String channel = in.payload().getChannelId();
    Long incidentId = store.incidentOfChannel(channel).orElse(null);
    String key = "sos-" + in.payload().getTriggerId();
    String author = author(in.payload().getUserId(), in.payload().getUserName());
    SosWorkflow workflow = temporal.newWorkflowStub(SosWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(key).setTaskQueue(TaskQueues.INCIDENTS)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build());
    try {
      WorkflowClient.start(workflow::call, new SosWorkflow.SosRequest(channel, incidentId,
          targets, in.args(), author, key));
    } catch (WorkflowExecutionAlreadyStarted repeated) {
      // the same request again: already calling
    }
    if (incidentId != null) {
      try {
        updates.apply(incidentId, "addUpdate", key, new AddUpdate(
            "SOS sent to " + String.join(", ", targets)
                + (in.args().isEmpty() ? "" : ": " + in.args()), author));
      } catch (SlackIncidentUpdates.Refused refused) {
        log.info("SOS not noted on incident {}: {}", incidentId, refused.getMessage());
      }
    }
    return in.ctx().ack(":sos: Calling " + targets.size() + " SOS responder"
        + (targets.size() == 1 ? "" : "s") + " for help.");
  }

  Response help(Invocation in) {
    return in.ctx().ack(helpText(in.payload()));
  }

  private String helpText(SlashCommandPayload payload) {
    String command = payload.getCommand() == null ? settings.command() : payload.getCommand();
    StringBuilder text = new StringBuilder("*" + command + "* runs incidents from Slack:");
    subcommands.forEach((name, entry) -> text.append("\n• `").append(command).append(' ')
        .append(name).append(entry.usage().isEmpty() ? "" : " " + entry.usage()).append("`: ")
        .append(entry.help()));
    return text.toString();
  }

  /** The incident named in the arguments, else the one of the current channel. */
  private Optional<Incident> target(Invocation in) {
    String args = in.args().replace("#", "").trim();
    if (!args.isEmpty()) {
      try {
        return Optional.of(incidents.get(Long.parseLong(args.split("\\s+")[0])));
      } catch (NumberFormatException e) {
        throw ApiException.notFound("`" + args + "` is not an incident number");
      }
    }
    return store.incidentOfChannel(in.payload().getChannelId()).map(incidents::get);
  }

  private String noIncident(Invocation in) {
    return ":warning: This channel is not an incident's channel: run `" + in.payload().getCommand()
        + " " + in.name() + " <id>` or run it in the incident's channel.";
  }

  // the modals

  Response submitOpen(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    View view = request.getPayload().getView();
    Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
    String title = IncidentModals.value(values, "title");
    Map<String, String> errors = new LinkedHashMap<>();
    if (title == null) {
      errors.put("title", "A title is required");
    }
    if (!errors.isEmpty()) {
      return ctx.ackWithErrors(errors);
    }
    String delivery = "view-" + view.getId() + "-" + view.getHash();
    if (!store.firstDelivery(delivery)) {
      return ctx.ack(); // the same submission again: already opened
    }
    String author = author(request.getPayload().getUser().getId(),
        request.getPayload().getUser().getUsername());
    Incident draft = new Incident(0, title, IncidentModals.value(values, "description"),
        Priority.valueOf(orDefault(IncidentModals.value(values, "priority"), "P3")),
        Environment.valueOf(orDefault(IncidentModals.value(values, "environment"), "PRD")),
        IncidentModals.value(values, "category"),
        "private".equals(IncidentModals.value(values, "private")), null, null, author,
        Status.OPEN, null, Roles.NONE, KeyEvents.NONE, 0, null);
    try {
      Incident created = incidents.create(draft).incident();
      // before the workflow gets to its invitations (several Slack calls later): the opener is
      // invited into the channel
      store.opened(created.id(), request.getPayload().getUser().getId());
      log.info("incident {} opened from Slack by {}", created.id(), author);
      return ctx.ackWithUpdate(IncidentModals.opened(created));
    } catch (RuntimeException e) {
      store.forgetDelivery(delivery);
      log.warn("could not open an incident from Slack: {}", e.toString());
      errors.put("title", "Firebreak could not open the incident right now; try again");
      return ctx.ackWithErrors(errors);
    }
  }

  Response submitUpdate(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    View view = request.getPayload().getView();
    long id = Long.parseLong(view.getPrivateMetadata());
    Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
    String author = author(request.getPayload().getUser().getId(),
        request.getPayload().getUser().getUsername());
    String key = "slack-view-" + view.getId() + "-" + view.getHash();
    Incident current = incidents.get(id);
    String message = IncidentModals.value(values, "message");
    Status status = Status.valueOf(orDefault(IncidentModals.value(values, "status"),
        current.status().name()));
    String commander = mention(IncidentModals.value(values, "commander"));
    String lead = mention(IncidentModals.value(values, "communication_lead"));
    Priority priority = Priority.valueOf(orDefault(IncidentModals.value(values, "priority"),
        current.priority().name()));
    Environment environment = Environment.valueOf(orDefault(
        IncidentModals.value(values, "environment"), current.environment().name()));
    String title = orDefault(IncidentModals.value(values, "title"), current.title());
    boolean changed = false;
    try {
      if (status != current.status()) {
        changed = true;
        try {
          updates.apply(id, "changeStatus", key + "-status",
              new ChangeStatus(status, message, null, author));
        } catch (SlackIncidentUpdates.Refused refused) {
          return ctx.ackWithErrors(Map.of("status", refused.getMessage()));
        }
      }
      boolean newCommander = commander != null && !commander.equals(current.roles().commander());
      boolean newLead = lead != null && !lead.equals(current.roles().communicationLead());
      if (newCommander || newLead) {
        changed = true;
        try {
          updates.apply(id, "changeRoles", key + "-roles", new ChangeRoles(
              newCommander ? commander : null, newLead ? lead : null, author));
        } catch (SlackIncidentUpdates.Refused refused) {
          return ctx.ackWithErrors(Map.of("commander", refused.getMessage()));
        }
      }
      boolean newPriority = priority != current.priority();
      boolean newEnvironment = environment != current.environment();
      boolean newTitle = !title.equals(current.title());
      if (newPriority || newEnvironment || newTitle) {
        changed = true;
        try {
          updates.apply(id, "changeDetails", key + "-details",
              new ChangeDetails(newTitle ? title : null, null, newPriority ? priority : null,
                  newEnvironment ? environment : null, null, author));
        } catch (SlackIncidentUpdates.Refused refused) {
          return ctx.ackWithErrors(Map.of(newTitle ? "title" : "priority", refused.getMessage()));
        }
      }
      if (!changed && message != null) {
        changed = true;
        try {
          updates.apply(id, "addUpdate", key + "-update", new AddUpdate(message, author));
        } catch (SlackIncidentUpdates.Refused refused) {
          return ctx.ackWithErrors(Map.of("message", refused.getMessage()));
        }
      }
    } catch (RuntimeException e) {
      log.warn("could not update incident {} from Slack: {}", id, e.toString());
      return ctx.ackWithErrors(Map.of("status", "Firebreak could not apply the change right now;"
          + " try again"));
    }
    if (!changed) {
      return ctx.ackWithErrors(Map.of("status", "Nothing to change"));
    }
    return ctx.ack();
  }

  Response submitClose(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    View view = request.getPayload().getView();
    long id = Long.parseLong(view.getPrivateMetadata());
    Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
    String author = author(request.getPayload().getUser().getId(),
        request.getPayload().getUser().getUsername());
    String reason = IncidentModals.value(values, "closure_reason");
    try {
      updates.apply(id, "changeStatus", "slack-view-" + view.getId() + "-" + view.getHash(),
          new ChangeStatus(Status.CLOSED, IncidentModals.value(values, "message"),
              reason == null ? null : ClosureReason.valueOf(reason), author));
      return ctx.ack();
    } catch (SlackIncidentUpdates.Refused refused) {
      return ctx.ackWithErrors(Map.of("closure_reason", refused.getMessage()));
    } catch (RuntimeException e) {
      log.warn("could not close incident {} from Slack: {}", id, e.toString());
      return ctx.ackWithErrors(Map.of("closure_reason",
          "Firebreak could not close the incident right now; try again"));
    }
  }

  // events

  Response reactionAdded(EventsApiPayload<ReactionAddedEvent> payload, EventContext ctx)
      throws IOException, SlackApiException {
    ReactionAddedEvent event = payload.getEvent();
    if (!"mega".equals(event.getReaction()) || event.getItem() == null
        || !"message".equals(event.getItem().getType())) {
      return ctx.ack();
    }
    String channel = event.getItem().getChannel();
    Optional<Long> incident = store.incidentOfChannel(channel);
    if (incident.isEmpty() || !store.firstDelivery("event-" + payload.getEventId())) {
      return ctx.ack();
    }
    try {
      String ts = event.getItem().getTs();
      ConversationsHistoryResponse history = ctx.client().conversationsHistory(r -> r
          .channel(channel).latest(ts).oldest(ts).inclusive(true).limit(1));
      if (!history.isOk() || history.getMessages() == null || history.getMessages().isEmpty()) {
        log.warn("cannot read the :mega: message {} in {}: {}", ts, channel, history.getError());
        return ctx.ack();
      }
      var message = history.getMessages().get(0);
      String text = message.getText() + (message.getUser() == null ? ""
          : " (message by <@" + message.getUser() + ">)");
      updates.apply(incident.get(), "addUpdate", "slack-mega-" + channel + "-" + ts,
          new AddUpdate(text.length() > 4000 ? text.substring(0, 4000) : text,
              author(event.getUser(), null)));
    } catch (SlackIncidentUpdates.Refused refused) {
      log.info("the :mega: message was not added to incident {}: {}", incident.get(),
          refused.getMessage());
    } catch (RuntimeException e) {
      store.forgetDelivery("event-" + payload.getEventId());
      throw e;
    }
    return ctx.ack();
  }

  Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx)
      throws IOException, SlackApiException {
    AppHomeOpenedEvent event = payload.getEvent();
    if (!"home".equals(event.getTab())) {
      return ctx.ack();
    }
    View home = IncidentModals.home(openIncidents(2));
    var published = ctx.client().viewsPublish(r -> r.userId(event.getUser()).view(home));
    if (!published.isOk()) {
      log.warn("views.publish failed for {}: {}", event.getUser(), published.getError());
    }
    return ctx.ack();
  }

  // helpers

  /** Opens a modal; returns Slack's error, or null. */
  private static String openView(MethodsClient client, String triggerId, View view)
      throws IOException, SlackApiException {
    ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
    if (!opened.isOk()) {
      log.warn("views.open failed: {} {}", opened.getError(), opened.getResponseMetadata());
      return "Slack refused to open the form (" + opened.getError() + ")";
    }
    return null;
  }

  /** Open incidents, most severe first; only those at most P{@code maxLevel} when given. */
  private List<Incident> openIncidents(Integer maxLevel) {
    List<Incident> open = new ArrayList<>();
    for (Incident i : incidents.list(IncidentFilter.ALL, 200, 0)) {
      if (i.status() != Status.CLOSED && (maxLevel == null || i.priority().level() <= maxLevel)) {
        open.add(i);
      }
    }
    open.sort(java.util.Comparator.comparing(Incident::priority)
        .thenComparing(Incident::id, java.util.Comparator.reverseOrder()));
    return open.size() > 20 ? open.subList(0, 20) : open;
  }

  /**
   * Who acted, as the timeline names them: the Firebreak user whose {@code slackUserId} this is,
   * else the Slack user name, else a Slack mention.
   */
  String author(String userId, String userName) {
    if (userId != null) {
      Optional<String> known = users.findBySlackUserId(userId).map(u -> u.name());
      if (known.isPresent()) {
        return known.get();
      }
    }
    if (userName != null && !userName.isBlank()) {
      return userName;
    }
    return userId == null ? null : "<@" + userId + ">";
  }

  /** A role holder picked in Slack: the Firebreak user when known, else a Slack mention. */
  private String mention(String userId) {
    if (userId == null) {
      return null;
    }
    return users.findBySlackUserId(userId).map(u -> u.name()).orElse("<@" + userId + ">");
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}

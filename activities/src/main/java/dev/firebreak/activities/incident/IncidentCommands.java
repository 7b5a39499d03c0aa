package dev.firebreak.activities.incident;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentCommand;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.workflow.Functions;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The one way to change an incident, whatever the channel: REST, the web app, Slack, alert groups,
 * and SMS, voice and email replies. Each command names its {@link Actor} and carries a {@link
 * CommandId} that becomes the Temporal update id, so a retried command is applied once. The
 * workflow's validators refuse what the lifecycle does not allow; the one check made before
 * Temporal is asked, a CLOSED incident (its workflow has ended), is written here and nowhere else.
 *
 * <p>Refusals are {@link IncidentChangeRefused}, an unknown incident {@link IncidentNotFound}, a
 * slow Temporal {@link CommandTimedOut}.
 */
@Service
public class IncidentCommands {

  private final WorkflowClient client;
  private final IncidentStore store;
  private final UserStore users;
  private final ServiceStore services;
  private final IncidentOpener opener;
  private final CommandDeadline deadline;

  public IncidentCommands(WorkflowClient client, IncidentStore store, UserStore users,
      ServiceStore services, IncidentOpener opener, CommandDeadline deadline) {
    this.client = client;
    this.store = store;
    this.users = users;
    this.services = services;
    this.opener = opener;
    this.deadline = deadline;
  }

  /**
   * Declares an incident (or answers the open one with the same dedup key). {@code createdBy}
   * defaults to the actor's name; {@link InvalidCommand} when the service does not exist.
   */
  public IncidentOpener.Opened open(Incident draft, Actor actor) {
    if (draft.serviceId() != null && services.find(draft.serviceId()).isEmpty()) {
      throw new InvalidCommand("serviceId", "no service " + draft.serviceId());
    }
    Incident declared = draft.createdBy() != null || actor.name() == null ? draft
        : draft.withCreatedBy(actor.name());
    return opener.create(declared);
  }

  public Incident changeStatus(long id, ChangeStatus change, Actor actor, CommandId command) {
    return send(id, change, actor, command, w -> w::changeStatus);
  }

  public Incident changeRoles(long id, ChangeRoles change, Actor actor, CommandId command) {
    return send(id, change, actor, command, w -> w::changeRoles);
  }

  public Incident changeKeyEvents(long id, ChangeKeyEvents change, Actor actor,
      CommandId command) {
    return send(id, change, actor, command, w -> w::changeKeyEvents);
  }

  public Incident changeDetails(long id, ChangeDetails change, Actor actor, CommandId command) {
    return send(id, change, actor, command, w -> w::changeDetails);
  }

  public Incident addUpdate(long id, AddUpdate update, Actor actor, CommandId command) {
    return send(id, update, actor, command, w -> w::addUpdate);
  }

  /** Someone takes the incident: the acknowledged key event, and paging stops. */
  public Incident acknowledge(long id, Actor actor, CommandId command) {
    return send(id, new Acknowledge(null, null), actor, command, w -> w::acknowledge);
  }

  /** Pages the next step now, or starts over with another policy (see {@link Escalate}). */
  public Incident escalate(long id, Escalate escalate, Actor actor, CommandId command) {
    return send(id, escalate, actor, command, w -> w::escalate);
  }

  /** The incident as stored; {@link IncidentChangeRefused} once it is CLOSED. */
  public Incident requireOpen(long id) {
    Incident current = store.find(id).orElseThrow(() -> new IncidentNotFound(id));
    if (current.status() == Status.CLOSED) {
      throw new IncidentChangeRefused("incident " + id + " is CLOSED");
    }
    return current;
  }

  /**
   * The actor with its name filled in from the directory when only the user id was given;
   * {@link InvalidCommand} when that user does not exist.
   */
  public Actor known(Actor actor) {
    if (actor.userId() == null) {
      return actor;
    }
    User user = users.find(actor.userId())
        .orElseThrow(() -> new InvalidCommand("userId", "no user " + actor.userId()));
    return actor.name() != null ? actor : new Actor(user.id(), user.name(), actor.channel());
  }

  private <C extends IncidentCommand<C>> Incident send(long id, C command, Actor actor,
      CommandId commandId, Function<IncidentWorkflow, Functions.Func1<C, Incident>> update) {
    C carried = command.by(known(actor));
    requireOpen(id);
    IncidentWorkflow workflow =
        client.newWorkflowStub(IncidentWorkflow.class, IncidentWorkflow.workflowId(id));
    UpdateOptions<Incident> options = UpdateOptions.<Incident>newBuilder()
        .setUpdateId(commandId.value())
        .setWaitForStage(WorkflowUpdateStage.COMPLETED)
        .build();
    String what = command.getClass().getSimpleName() + " of incident " + id;
    return deadline.call(what, () -> {
      try {
        return WorkflowClient.startUpdate(update.apply(workflow), carried, options).getResult();
      } catch (WorkflowUpdateException e) {
        throw IncidentChangeRefused.reasonOf(e)
            .<RuntimeException>map(IncidentChangeRefused::new)
            .orElse(e);
      }
    });
  }
}

package dev.firebreak.api.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.firebreak.workflows.incident.IncidentRules;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The modals and the App Home of the Slack app. Each input block's id names the field, so that a
 * refusal can be shown under the field it concerns ({@code response_action: errors}).
 */
public final class IncidentModals {

  public static final String OPEN = "incident_open";
  public static final String UPDATE = "incident_update";
  public static final String CLOSE = "incident_close";
  public static final String OPEN_SHORTCUT = "open_incident";
  public static final String HOME_OPEN = "home_open";
  public static final String HOME_UPDATE = "home_update";
  public static final String HOME_CLOSE = "home_close";
  static final String VALUE = "value";

  private IncidentModals() {}

  public static View open() {
    return view(v -> v.type("modal").callbackId(OPEN)
        .title(viewTitle(t -> t.type("plain_text").text("Open an incident")))
        .submit(viewSubmit(s -> s.type("plain_text").text("Open")))
        .close(viewClose(c -> c.type("plain_text").text("Cancel")))
        .blocks(asBlocks(
            input(i -> i.blockId("title").label(plainText("Title"))
                .element(plainTextInput(p -> p.actionId(VALUE).maxLength(IncidentRules.TITLE_MAX)))),
            input(i -> i.blockId("description").label(plainText("Description")).optional(true)
                .element(plainTextInput(p -> p.actionId(VALUE).multiline(true).maxLength(3000)))),
            input(i -> i.blockId("priority").label(plainText("Priority"))
                .element(staticSelect(s -> s.actionId(VALUE).options(options(Priority.values()))
                    .initialOption(option(plainText("P3"), "P3"))))),
            input(i -> i.blockId("environment").label(plainText("Environment"))
                .element(staticSelect(s -> s.actionId(VALUE).options(options(Environment.values()))
                    .initialOption(option(plainText("PRD"), "PRD"))))),
            input(i -> i.blockId("category").label(plainText("Category")).optional(true)
                .element(plainTextInput(p -> p.actionId(VALUE).maxLength(IncidentRules.CATEGORY_MAX)))),
            input(i -> i.blockId("private").label(plainText("Visibility")).optional(true)
                .element(checkboxes(c -> c.actionId(VALUE)
                    .options(List.of(option(plainText("Private incident (private channel)"),
                        "private")))))))));
  }

  public static View update(Incident incident) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(headline(incident)))));
    blocks.add(input(i -> i.blockId("status").label(plainText("Status"))
        .element(staticSelect(s -> s.actionId(VALUE).options(options(Status.values()))
            .initialOption(option(plainText(incident.status().name()), incident.status().name()))))));
    blocks.add(input(i -> i.blockId("message").label(plainText("Message for the timeline"))
        .optional(true)
        .element(plainTextInput(p -> p.actionId(VALUE).multiline(true)
            .maxLength(IncidentRules.MESSAGE_MAX)))));
    blocks.add(input(i -> i.blockId("commander").label(plainText("Incident commander"))
        .optional(true).element(usersSelect(u -> u.actionId(VALUE)))));
    blocks.add(input(i -> i.blockId("communication_lead").label(plainText("Communication lead"))
        .optional(true).element(usersSelect(u -> u.actionId(VALUE)))));
    blocks.add(input(i -> i.blockId("priority").label(plainText("Priority"))
        .element(staticSelect(s -> s.actionId(VALUE).options(options(Priority.values()))
            .initialOption(option(plainText(incident.priority().name()),
                incident.priority().name()))))));
    blocks.add(input(i -> i.blockId("environment").label(plainText("Environment"))
        .element(staticSelect(s -> s.actionId(VALUE).options(options(Environment.values()))
            .initialOption(option(plainText(incident.environment().name()),
                incident.environment().name()))))));
    blocks.add(input(i -> i.blockId("title").label(plainText("Title"))
        .element(plainTextInput(p -> p.actionId(VALUE).initialValue(incident.title())
            .maxLength(IncidentRules.TITLE_MAX)))));
    return view(v -> v.type("modal").callbackId(UPDATE)
        .privateMetadata(String.valueOf(incident.id()))
        .title(viewTitle(t -> t.type("plain_text").text("Update incident #" + incident.id())))
        .submit(viewSubmit(s -> s.type("plain_text").text("Update")))
        .close(viewClose(c -> c.type("plain_text").text("Cancel")))
        .blocks(blocks));
  }

  public static View close(Incident incident) {
    return view(v -> v.type("modal").callbackId(CLOSE)
        .privateMetadata(String.valueOf(incident.id()))
        .title(viewTitle(t -> t.type("plain_text").text("Close incident #" + incident.id())))
        .submit(viewSubmit(s -> s.type("plain_text").text("Close incident")))
        .close(viewClose(c -> c.type("plain_text").text("Cancel")))
        .blocks(asBlocks(
            section(s -> s.text(markdownText(headline(incident)
                + (incident.status().isBefore(Status.MITIGATED)
                    ? "\nNot mitigated yet: closing needs a closure reason." : "")))),
            input(i -> i.blockId("closure_reason").label(plainText("Closure reason"))
                .optional(true)
                .element(staticSelect(s -> s.actionId(VALUE)
                    .options(options(ClosureReason.values()))))),
            input(i -> i.blockId("message").label(plainText("Message for the timeline"))
                .optional(true)
                .element(plainTextInput(p -> p.actionId(VALUE).multiline(true)
                    .maxLength(IncidentRules.MESSAGE_MAX)))))));
  }

  public static View opened(Incident incident) {
    return view(v -> v.type("modal").callbackId(OPEN + "_done")
        .title(viewTitle(t -> t.type("plain_text").text("Incident opened")))
        .close(viewClose(c -> c.type("plain_text").text("Done")))
        .blocks(asBlocks(section(s -> s.text(markdownText(headline(incident)
            + (incident.priority().level() <= 3
                ? "\nIts channel is being created; you will be invited." : "")))))));
  }

  public static View home(List<Incident> open) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*Firebreak*: run incidents from Slack."))));
    blocks.add(actions(a -> a.elements(asElements(
        button(b -> b.actionId(HOME_OPEN).style("danger").text(plainText("Open an incident"))
            .value("open"))))));
    blocks.add(divider());
    blocks.add(section(s -> s.text(markdownText(open.isEmpty()
        ? "No open P1 or P2 incident." : "*Open P1 and P2 incidents*"))));
    for (Incident incident : open) {
      blocks.add(section(s -> s.text(markdownText(headline(incident)))));
      blocks.add(actions(a -> a.elements(asElements(
          button(b -> b.actionId(HOME_UPDATE).text(plainText("Update"))
              .value(String.valueOf(incident.id()))),
          button(b -> b.actionId(HOME_CLOSE).text(plainText("Close"))
              .value(String.valueOf(incident.id())))))));
    }
    return view(v -> v.type("home").blocks(blocks));
  }

  public static String headline(Incident i) {
    return "*#" + i.id() + " " + i.title() + "*\n" + i.priority() + " · " + i.environment() + " · "
        + i.status() + (i.roles().commander() != null
            ? " · commander " + i.roles().commander() : "");
  }

  static List<OptionObject> options(Enum<?>[] values) {
    return Arrays.stream(values).map(e -> option(plainText(e.name()), e.name())).toList();
  }

  /** The text, selected option or selected user of one input block, or null. */
  public static String value(Map<String, Map<String, ViewState.Value>> values, String blockId) {
    Map<String, ViewState.Value> block = values.get(blockId);
    if (block == null || block.get(VALUE) == null) {
      return null;
    }
    ViewState.Value value = block.get(VALUE);
    if (value.getSelectedOption() != null) {
      return value.getSelectedOption().getValue();
    }
    if (value.getSelectedUser() != null) {
      return value.getSelectedUser();
    }
    if (value.getSelectedOptions() != null && !value.getSelectedOptions().isEmpty()) {
      return value.getSelectedOptions().get(0).getValue();
    }
    String text = value.getValue();
    return text == null || text.isBlank() ? null : text.trim();
  }
}

package dev.firebreak.api.channel;

import dev.firebreak.api.edge.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.alert.intake.EventPipeline;
import dev.firebreak.activities.channel.ReceiveChannel;
import dev.firebreak.activities.channel.ReceiveChannels;
import dev.firebreak.activities.directory.Service;
import dev.firebreak.api.alert.Bodies;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.workflows.channel.GenericMapping;
import dev.firebreak.workflows.channel.ReceiveChannelDraft;
import dev.firebreak.workflows.channel.ReceiveChannelValidation;
import dev.firebreak.workflows.incident.messages.Priority;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/receive-channels")
@Tag(name = "Receive channels", description = "Turn a third party's JSON into events")
public class ReceiveChannelController {

  public static final String ALERTMANAGER = ReceiveChannelValidation.ALERTMANAGER;
  public static final String GENERIC = ReceiveChannelValidation.GENERIC;

  public record ChannelResponse(long id, String name, String type, long serviceId, String key,
      String url, GenericMapping mapping) {

    static ChannelResponse of(ReceiveChannel c) {
      String path = ALERTMANAGER.equals(c.type()) ? "/api/v1/integrations/alertmanager/{key}"
          : "/api/v1/webhooks/{key}";
      String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path)
          .buildAndExpand(c.key()).toUriString();
      return new ChannelResponse(c.id(), c.name(), c.type(), c.serviceId(), c.key(), url,
          ReceiveChannels.mappingOf(c));
    }
  }

  /** What one event of a sample payload would do. */
  public record PreviewEvent(String action, String dedupKey, String summary, String source,
      String severity, long serviceId, Priority priority, boolean suppressed, String rule) {}

  public record Preview(List<PreviewEvent> events, List<String> errors) {}

  private final ReceiveChannels channels;
  private final EventPipeline pipeline;

  public ReceiveChannelController(ReceiveChannels channels, EventPipeline pipeline) {
    this.channels = channels;
    this.pipeline = pipeline;
  }

  @PostMapping
  @Operation(summary = "Create a receive channel",
      description = "type alertmanager (Prometheus Alertmanager webhook v4) or generic (any JSON,"
          + " with a mapping of JSON Pointers); 201 with its key and the URL to post to")
  public ResponseEntity<ChannelResponse> create(@RequestBody ReceiveChannelDraft body) {
    ReceiveChannel c = channels.create(body);
    return ResponseEntity.created(URI.create("/api/v1/receive-channels/" + c.id()))
        .body(ChannelResponse.of(c));
  }

  @GetMapping
  @Operation(summary = "List receive channels")
  public List<ChannelResponse> list() {
    return channels.list().stream().map(ChannelResponse::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One receive channel")
  public ChannelResponse get(@PathVariable long id) {
    return ChannelResponse.of(channels.get(id));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a receive channel; its key stops working")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    channels.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/preview")
  @Operation(summary = "What a sample payload would produce, without sending anything",
      description = "The events the channel's mapping gives, where routing sends them, and the"
          + " problems that would refuse the payload")
  public Preview preview(@PathVariable long id, HttpServletRequest request) {
    ReceiveChannels.Target target = channels.withService(id);
    JsonNode sample;
    try {
      sample = Bodies.parse(Bodies.read(request));
    } catch (IOException | Bodies.TooLarge e) {
      sample = null;
    }
    if (sample == null) {
      throw ApiException.badRequest(List.of(
          new FieldProblem("body", "is not valid JSON (at most 512 KB)")));
    }
    Service service = target.service();
    List<ChannelEvents.Converted> converted = convert(target.channel(), sample);
    List<PreviewEvent> events = converted.stream().filter(x -> x.event() != null)
        .map(x -> {
          EventPipeline.Decision d = pipeline.decide(service, x.event());
          return new PreviewEvent(x.event().action().wire(), d.dedupKey(), x.event().summary(),
              x.event().source(), d.severity(), d.serviceId(), d.priority(), d.suppressed(),
              d.ruleName());
        }).toList();
    List<String> errors = converted.stream().filter(x -> x.error() != null)
        .map(ChannelEvents.Converted::error).toList();
    return new Preview(events, errors);
  }

  static List<ChannelEvents.Converted> convert(ReceiveChannel c, JsonNode body) {
    return ALERTMANAGER.equals(c.type()) ? ChannelEvents.alertmanager(body)
        : ChannelEvents.generic(ReceiveChannels.mappingOf(c), body);
  }
}

package dev.firebreak.activities.channel;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.workflows.channel.GenericMapping;
import dev.firebreak.workflows.channel.ReceiveChannelDraft;
import dev.firebreak.workflows.channel.ReceiveChannelValidation;
import dev.firebreak.workflows.validation.NotFound;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application service of receive channels: created after {@link ReceiveChannelValidation},
 * found by id or by the key a third party posts to, each with the service its events go to.
 */
@Component
public class ReceiveChannels {

  /** A channel and the service its events go to. */
  public record Target(ReceiveChannel channel, Service service) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ReceiveChannelStore channels;
  private final ServiceStore services;

  public ReceiveChannels(ReceiveChannelStore channels, ServiceStore services) {
    this.channels = channels;
    this.services = services;
  }

  public ReceiveChannel create(ReceiveChannelDraft draft) {
    ReceiveChannelDraft valid =
        ReceiveChannelValidation.normalize(draft, id -> services.find(id).isPresent());
    String mapping = valid.mapping() == null ? null : JSON.writeValueAsString(valid.mapping());
    return channels.create(valid.name(), valid.type(), valid.serviceId(), mapping);
  }

  public List<ReceiveChannel> list() {
    return channels.list();
  }

  public ReceiveChannel get(long id) {
    return channels.find(id).orElseThrow(() -> new NotFound("no receive channel " + id));
  }

  public void delete(long id) {
    if (!channels.delete(id)) {
      throw new NotFound("no receive channel " + id);
    }
  }

  /** The channel of {@code type} with {@code key}, and its service. */
  public Target byKey(String key, String type) {
    ReceiveChannel channel = channels.findByKey(key)
        .filter(c -> c.type().equals(type))
        .orElseThrow(() -> new NotFound("no " + type + " receive channel with this key"));
    Service service = services.find(channel.serviceId())
        .orElseThrow(() -> new NotFound("the channel's service is gone"));
    return new Target(channel, service);
  }

  /** The service of channel {@code id}, and the channel. */
  public Target withService(long id) {
    ReceiveChannel channel = get(id);
    Service service = services.find(channel.serviceId())
        .orElseThrow(() -> new NotFound("no service " + channel.serviceId()));
    return new Target(channel, service);
  }

  /** The channel's mapping, null for an Alertmanager channel. */
  public static GenericMapping mappingOf(ReceiveChannel c) {
    return c.mapping() == null ? null : JSON.readValue(c.mapping(), GenericMapping.class);
  }
}

package dev.firebreak.workflows.incident.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Commands carry an {@link Actor}; adding it must leave the payloads of recorded histories
 * readable (an old payload has no actor) and the timeline saying who and through which channel.
 */
class ActorTest {

  static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  static <T> T fromJson(String json, Class<T> type) {
    Payloads payloads = Payloads.newBuilder()
        .addPayloads(io.temporal.api.common.v1.Payload.newBuilder()
            .putMetadata("encoding",
                com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
            .setData(com.google.protobuf.ByteString.copyFrom(json, StandardCharsets.UTF_8)))
        .build();
    return CONVERTER.fromPayloads(0, Optional.of(payloads), type, type);
  }

  @Test
  void aPayloadRecordedBeforeActorsIsReadWithNoActor() {
    ChangeStatus old = fromJson(
        "{\"status\":\"MITIGATED\",\"message\":\"m\",\"closureReason\":null,\"author\":\"bob\"}",
        ChangeStatus.class);
    assertThat(old).isEqualTo(new ChangeStatus(Status.MITIGATED, "m", null, "bob"));
    assertThat(old.actor()).isNull();
    Acknowledge ack = fromJson("{\"userId\":7,\"author\":null}", Acknowledge.class);
    assertThat(ack.who()).isEqualTo("user 7");
  }

  @Test
  void aCommandWithAnActorSurvivesTheRoundTrip() {
    Actor alice = new Actor(3L, "Alice", Actor.Channel.SLACK);
    Acknowledge ack = new Acknowledge(null, null).by(alice);
    Optional<Payloads> payloads = CONVERTER.toPayloads(ack);
    Acknowledge back = CONVERTER.fromPayloads(0, payloads, Acknowledge.class, Acknowledge.class);
    assertThat(back).isEqualTo(ack);
    assertThat(back.userId()).isEqualTo(3L);
    assertThat(back.author()).isEqualTo("Alice");
    ChangeRoles roles = new ChangeRoles("carol", null, "ignored").by(alice);
    assertThat(CONVERTER.fromPayloads(0, CONVERTER.toPayloads(roles), ChangeRoles.class,
        ChangeRoles.class)).isEqualTo(roles);
  }

  @Test
  void theTimelineSaysWhoAndThroughWhichChannel() {
    assertThat(new Acknowledge(null, null).by(Actor.of("Alice", Actor.Channel.SLACK)).who())
        .isEqualTo("Alice via Slack");
    assertThat(new Acknowledge(null, null).by(new Actor(9L, null, Actor.Channel.SMS)).who())
        .isEqualTo("user 9 via SMS");
    assertThat(new Acknowledge(null, "Bob").who()).isEqualTo("Bob");
    assertThat(Actor.of(null, Actor.Channel.VOICE).describe()).isEqualTo("someone via a phone call");
    assertThatThrownBy(() -> Actor.of("x", null)).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.firebreak.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What {@code LOGGING_FORMAT} turns into, before the logging system starts. */
class LoggingFormatTest {

  @Test
  void jsonMeansEcsAndTextMeansNone() {
    assertThat(LoggingFormat.schema("json")).isEqualTo("ecs");
    assertThat(LoggingFormat.schema(" JSON ")).isEqualTo("ecs");
    assertThat(LoggingFormat.schema("logstash")).isEqualTo("logstash");
    assertThat(LoggingFormat.schema("gelf")).isEqualTo("gelf");
    assertThat(LoggingFormat.schema("text")).isNull();
    assertThat(LoggingFormat.schema("")).isNull();
    assertThat(LoggingFormat.schema(null)).isNull();
    assertThatThrownBy(() -> LoggingFormat.schema("xml"))
        .hasMessageContaining("LOGGING_FORMAT must be json");
  }

  @Test
  void anExplicitSpringSettingWins() {
    MockEnvironment env = new MockEnvironment().withProperty("LOGGING_FORMAT", "json");
    new LoggingFormat().postProcessEnvironment(env, null);
    assertThat(env.getProperty(LoggingFormat.PROPERTY)).isEqualTo("ecs");

    MockEnvironment explicit = new MockEnvironment().withProperty("LOGGING_FORMAT", "json")
        .withProperty(LoggingFormat.PROPERTY, "logstash");
    new LoggingFormat().postProcessEnvironment(explicit, null);
    assertThat(explicit.getProperty(LoggingFormat.PROPERTY)).isEqualTo("logstash");
  }
}

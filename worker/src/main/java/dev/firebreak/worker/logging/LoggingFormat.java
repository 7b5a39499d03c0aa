package dev.firebreak.worker.logging;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOGGING_FORMAT=json} turns the console log into one JSON object per line (Spring Boot's
 * structured logging, Elastic Common Schema), with the MDC entries as fields: {@code incidentId}
 * and {@code WorkflowId} on every line about an incident. {@code ecs}, {@code logstash} and
 * {@code gelf} choose a schema; unset or {@code text} keeps the readable default. It runs before
 * the logging system starts, which reads {@code logging.structured.format.console}.
 */
public class LoggingFormat implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "logging.structured.format.console";

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String format = schema(env.getProperty("LOGGING_FORMAT"));
    if (format != null && !env.containsProperty(PROPERTY)) {
      env.getPropertySources().addFirst(
          new MapPropertySource("firebreakLoggingFormat", Map.of(PROPERTY, format)));
    }
  }

  /** The structured format for a {@code LOGGING_FORMAT} value, or null for plain text. */
  static String schema(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "json", "ecs" -> "ecs";
      case "logstash" -> "logstash";
      case "gelf" -> "gelf";
      case "text", "plain" -> null;
      default -> throw new IllegalArgumentException(
          "LOGGING_FORMAT must be json (ecs), logstash, gelf or text, not " + value);
    };
  }
}

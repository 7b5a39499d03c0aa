package dev.firebreak.api.edge;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The checks of {@link TextRules} on every request body bound to a record, registered once with
 * Spring's JSON mapper so that no controller has to remember them: text must be a JSON string (an
 * object where text belongs is refused, never kept as its JSON text), valid Unicode without
 * control characters, and within the limit of its field's name; a floating-point number must be
 * finite. A refusal names the field's path and answers 400 through {@link EdgeInputException}.
 */
@Component
public class EdgeJacksonModule extends SimpleModule {

  public EdgeJacksonModule() {
    super("firebreak-edge");
    addDeserializer(String.class, new StrictText());
    addDeserializer(Double.class, new FiniteDouble());
    addDeserializer(Double.TYPE, new FiniteDouble());
  }

  /** Strings: only JSON strings, and only good text. */
  static final class StrictText extends StdScalarDeserializer<String> {
    StrictText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw refuse(p, "must be text, not " + describe(p.currentToken()));
      }
      String value = p.getString();
      String bad = TextRules.problem(value, TextRules.limitOf(lastName(p)));
      if (bad != null) {
        throw refuse(p, bad);
      }
      return value;
    }
  }

  /** Doubles: {@code 1e400} parses as infinity, which no one sent on purpose. */
  static final class FiniteDouble extends StdScalarDeserializer<Double> {
    FiniteDouble() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.currentToken().isNumeric()) {
        throw refuse(p, "must be a number, not " + describe(p.currentToken()));
      }
      double value = p.getDoubleValue();
      if (!Double.isFinite(value)) {
        throw refuse(p, "is not a finite number");
      }
      return value;
    }
  }

  static EdgeInputException refuse(JsonParser p, String message) {
    return new EdgeInputException(400, new FieldProblem(path(p), message));
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_STRING -> "text";
      default -> String.valueOf(token);
    };
  }

  private static String lastName(JsonParser p) {
    TokenStreamContext context = p.streamReadContext();
    while (context != null && !context.inObject()) {
      context = context.getParent();
    }
    return context == null ? null : context.currentName();
  }

  /** {@code roles.commander}, {@code layers[0].name}: the style of our other field problems. */
  static String path(JsonParser p) {
    StringBuilder out = new StringBuilder();
    TokenStreamContext at = p.streamReadContext();
    if (p.isExpectedStartArrayToken() || p.isExpectedStartObjectToken()) {
      at = at.getParent(); // the value is the container itself, not its first element
    }
    for (TokenStreamContext c = at; c != null && !c.inRoot();
        c = c.getParent()) {
      out.insert(0, c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]"
          : c.currentName() == null ? "" : "." + c.currentName());
    }
    String path = out.length() > 0 && out.charAt(0) == '.' ? out.substring(1) : out.toString();
    return path.isEmpty() ? "body" : path;
  }

}

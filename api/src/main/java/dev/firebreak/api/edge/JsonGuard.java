package dev.firebreak.api.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole JSON body read as a tree (the event endpoints read third-party JSON that no
 * record describes): every key and text value passes {@link TextRules}, every number is finite
 * ({@code 1e400} parses as infinity, which would be stored as the text {@code "Infinity"}).
 * Limits on particular fields are the reader's, once it knows what the fields mean.
 */
public final class JsonGuard {

  private JsonGuard() {}

  /** Every problem of {@code body}, each at its path ({@code payload.summary}, {@code a[0]}). */
  public static List<FieldProblem> problems(JsonNode body) {
    List<FieldProblem> problems = new ArrayList<>();
    walk(body, "", problems);
    return problems;
  }

  private static void walk(JsonNode node, String path, List<FieldProblem> problems) {
    if (problems.size() >= 20) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        String badKey = TextRules.problem(field.getKey(), TextRules.NAME_MAX);
        if (badKey != null) {
          problems.add(new FieldProblem(path.isEmpty() ? "(key)" : path + ".(key)",
              "a key " + badKey));
          continue;
        }
        walk(field.getValue(), at, problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", problems);
      }
    } else if (node.isTextual()) {
      String bad = TextRules.problem(node.textValue(), TextRules.TEXT_MAX);
      if (bad != null) {
        problems.add(new FieldProblem(name(path), bad));
      }
    } else if (node.isNumber() && (node.isDouble() || node.isFloat())
        && !Double.isFinite(node.doubleValue())) {
      problems.add(new FieldProblem(name(path), "is not a finite number"));
    }
  }

  private static String name(String path) {
    return path.isEmpty() ? "body" : path;
  }
}

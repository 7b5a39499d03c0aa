package dev.firebreak.api.edge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Refusals written straight to the servlet response, by code that runs before Spring MVC (the
 * body-size filter, the container's error valve, the error page): RFC 9457 problem details, or
 * PagerDuty's own error shape on {@code /v2/enqueue}, whose senders parse that.
 */
public final class Refusals {

  private Refusals() {}

  /** The body of a refusal of {@code status} with {@code detail} at {@code path}. */
  public static String body(int status, String detail, String path) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (path != null && path.startsWith("/v2/enqueue")) {
      body.put("status", "invalid event");
      body.put("message", status == 413 ? "Event object is too large" : "Event object is invalid");
      body.putArray("errors").add(detail);
      return body.toString();
    }
    HttpStatus known = HttpStatus.resolve(status);
    body.put("type", "about:blank");
    body.put("title", known == null ? "Error" : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", detail);
    if (path != null) {
      body.put("instance", path);
    }
    return body.toString();
  }

  public static String contentType(String path) {
    return path != null && path.startsWith("/v2/enqueue") ? "application/json"
        : "application/problem+json";
  }

  /** Writes the refusal, when nothing was written yet. */
  public static void write(HttpServletResponse response, int status, String detail, String path)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(contentType(path));
    byte[] bytes = body(status, detail, path).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}

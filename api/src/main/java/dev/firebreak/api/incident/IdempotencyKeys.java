package dev.firebreak.api.incident;

import dev.firebreak.api.edge.FieldProblem;
import dev.firebreak.activities.idempotency.IdempotentRequests;
import dev.firebreak.activities.idempotency.StoredResponse;
import dev.firebreak.api.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header of the endpoints that open or change incidents. With a key,
 * the answer is kept as JSON and given again (status, body, Location) to the same request with the
 * same key; the same key with another body is 422. Without one, the request runs as usual.
 */
@Component
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  static final int KEY_MAX = 255;

  private final IdempotentRequests requests;
  private final JsonMapper json;

  public IdempotencyKeys(IdempotentRequests requests, JsonMapper json) {
    this.requests = requests;
    this.json = json;
  }

  /**
   * Runs {@code request} at most once per key, endpoint and body; see the class comment. A
   * replayed answer is read back as {@code type}, so that it is written exactly as the first.
   */
  public <T> ResponseEntity<T> answer(String key, Object body, Class<T> type,
      Supplier<ResponseEntity<T>> request) {
    if (key == null) {
      return request.get();
    }
    check(key);
    HttpServletRequest http =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    String scope = http.getMethod() + " " + http.getRequestURI();
    AtomicReference<ResponseEntity<T>> first = new AtomicReference<>();
    IdempotentRequests.Answer answer = requests.run(scope, key, hash(scope, body), () -> {
      first.set(request.get());
      return store(first.get());
    });
    if (!answer.replayed()) {
      return first.get();
    }
    StoredResponse stored = answer.response();
    ResponseEntity.BodyBuilder response = ResponseEntity.status(stored.status())
        .header(REPLAYED, "true");
    if (stored.location() != null) {
      response.location(URI.create(stored.location()));
    }
    return response.body(json.readValue(stored.body(), type));
  }

  private StoredResponse store(ResponseEntity<?> response) {
    URI location = response.getHeaders().getLocation();
    return new StoredResponse(response.getStatusCode().value(),
        json.writeValueAsString(response.getBody()),
        location == null ? null : location.toString());
  }

  private String hash(String scope, Object body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(scope.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A key is 1 to 255 visible ASCII characters (a UUID, say). */
  static void check(String key) {
    boolean visible = !key.isEmpty() && key.length() <= KEY_MAX
        && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    if (!visible) {
      throw new ApiException(HttpStatus.BAD_REQUEST, HEADER + " must be 1 to " + KEY_MAX
          + " visible ASCII characters",
          List.of(new FieldProblem(HEADER, "must be 1 to " + KEY_MAX
              + " visible ASCII characters")));
    }
  }
}

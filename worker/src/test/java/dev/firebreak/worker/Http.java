package dev.firebreak.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A plain HTTP client for driving the running application as a user's tools would: as an admin
 * (the application runs with {@link #ADMIN_TOKEN} as FIREBREAK_ADMIN_TOKEN), or with the bearer
 * token given, or with none ({@link #anonymous}).
 */
final class Http {

  /** The admin token of the end-to-end tests' application (see {@link EndToEndTest}). */
  static final String ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";

  private static final ObjectMapper JSON = new ObjectMapper();

  record Response(int status, String contentType, String body,
      java.net.http.HttpHeaders headers) {

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  private final HttpClient client;
  private final CookieManager cookies;
  private final String base;
  private final String token;

  Http(int port) {
    this(port, ADMIN_TOKEN);
  }

  /** Calls with {@code Authorization: Bearer token}, or without credentials when null. */
  Http(int port, String token) {
    this(port, token, null);
  }

  private Http(int port, String token, CookieManager cookies) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
    this.cookies = cookies;
    this.client = cookies == null ? HttpClient.newHttpClient()
        : HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  static Http anonymous(int port) {
    return new Http(port, null);
  }

  /**
   * A browser-like client: keeps cookies and, as the web UI does, echoes the XSRF-TOKEN cookie in
   * an X-XSRF-TOKEN header on unsafe requests. Logged in with {@link #login}.
   */
  static Http session(int port) {
    return new Http(port, null, new CookieManager());
  }

  /** Logs this session in with a password; returns the answer. */
  Response login(String email, String password) {
    return post("/api/v1/session",
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Response post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response put(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  Response patch(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  private Response send(HttpRequest.Builder request) {
    try {
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpRequest built = request.build();
      if (cookies != null && !"GET".equals(built.method())) {
        if (cookies.getCookieStore().getCookies().stream()
            .noneMatch(c -> "XSRF-TOKEN".equals(c.getName()))) {
          client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).GET().build(),
              HttpResponse.BodyHandlers.discarding());
        }
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> "XSRF-TOKEN".equals(c.getName())).findFirst()
            .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
      }
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body(),
          response.headers());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

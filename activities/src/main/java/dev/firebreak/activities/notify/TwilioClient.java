package dev.firebreak.activities.notify;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Twilio's REST API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json} and {@code
 * .../Calls.json}, form-encoded with basic auth. A 4xx is Twilio refusing (a bad number): answered
 * as refused; a 5xx, a 429 or a transport error throws so that the send is retried.
 */
@Component
public class TwilioClient {

  private final TwilioSettings settings;
  private final RestClient client;

  public TwilioClient(TwilioSettings settings) {
    this.settings = settings;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.client = RestClient.builder().requestFactory(requests).build();
  }

  public NotificationChannel.Delivery post(String resource, Map<String, String> form) {
    MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    form.forEach(body::add);
    String auth = Base64.getEncoder().encodeToString(
        (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
    return client.post()
        .uri(settings.apiUrl() + "/2010-04-01/Accounts/" + settings.accountSid() + "/"
            + resource)
        .header(HttpHeaders.AUTHORIZATION, "Basic " + auth)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(body)
        .exchange((request, response) -> {
          int status = response.getStatusCode().value();
          String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
          if (status >= 500 || status == 429) {
            throw new TwilioUnavailable("Twilio answered " + status + ": " + text);
          }
          if (status >= 400) {
            return NotificationChannel.Delivery.refused("Twilio refused (" + status + "): "
                + text);
          }
          return NotificationChannel.Delivery.accepted(sid(text));
        });
  }

  /** The callback URL for {@code path} at FIREBREAK_PUBLIC_URL. */
  public String callback(String path) {
    return settings.publicUrl() + path;
  }

  private static String sid(String json) {
    int at = json.indexOf("\"sid\"");
    if (at < 0) {
      return null;
    }
    int start = json.indexOf('"', json.indexOf(':', at) + 1) + 1;
    return json.substring(start, json.indexOf('"', start));
  }

  /** Twilio is down or throttling: worth retrying. */
  public static class TwilioUnavailable extends RuntimeException {
    public TwilioUnavailable(String message) {
      super(message);
    }
  }
}

package dev.firebreak.activities.notify;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts JSON to a URL a user gave. A 5xx, a 429 or a transport error throws (retried by the
 * plan); another 4xx is a refusal that retrying cannot fix.
 */
@Component
public class WebhookPoster {

  private final RestClient client;

  public WebhookPoster() {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.client = RestClient.builder().requestFactory(requests).build();
  }

  public NotificationChannel.Delivery post(String url, Object body, Map<String, String> headers) {
    return client.post().uri(url)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> headers.forEach(h::set))
        .body(body)
        .exchange((request, response) -> {
          int status = response.getStatusCode().value();
          if (status >= 500 || status == 429) {
            throw new IllegalStateException(url + " answered " + status);
          }
          return status >= 400 ? NotificationChannel.Delivery.refused(url + " refused: " + status)
              : NotificationChannel.Delivery.accepted(null);
        });
  }
}

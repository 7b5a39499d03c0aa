package dev.firebreak.api.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature, {@code X-Twilio-Signature}: base64 of HMAC-SHA1 keyed by the auth
 * token, over the full URL Twilio called (as given to it, with its query string) followed by each
 * POST parameter's name and value, names sorted. Pure, so that tests can sign as Twilio does.
 */
public final class TwilioSignature {

  private TwilioSignature() {}

  public static String sign(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, values) -> values.stream().sorted()
        .forEach(v -> data.append(name).append(v)));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(
          mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code signature} is Twilio's for this request; false when it is missing. */
  public static boolean valid(String authToken, String url, Map<String, List<String>> params,
      String signature) {
    if (signature == null || signature.isBlank() || authToken == null || authToken.isBlank()) {
      return false;
    }
    return MessageDigest.isEqual(sign(authToken, url, params).getBytes(StandardCharsets.UTF_8),
        signature.trim().getBytes(StandardCharsets.UTF_8));
  }
}

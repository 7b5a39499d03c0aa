package dev.firebreak.workflows.slack;

import java.util.List;

/** Who was invited, and which providers failed (each noted on the incident's timeline). */
public record InviteResult(List<String> invited, List<ProviderFailure> failures) {

  /** A provider that could not say whom to invite, after its retries. */
  public record ProviderFailure(String provider, String reason) {}
}

package dev.firebreak.api.meta;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the web UI needs to know about this deployment. */
@RestController
@Tag(name = "Meta")
public class MetaController {

  /**
   * @param temporalUiUrl where Temporal UI is, to link incidents to their workflows; empty when
   *     there is none (the in-process server)
   */
  public record Meta(String temporalUiUrl, String namespace) {}

  private final Meta meta;

  public MetaController(
      @Value("${firebreak.temporal.ui-url:}") String temporalUiUrl,
      @Value("${spring.temporal.namespace:default}") String namespace) {
    this.meta = new Meta(temporalUiUrl.replaceAll("/+$", ""), namespace);
  }

  @GetMapping("/api/v1/meta")
  @Operation(summary = "Deployment facts for the web UI")
  public Meta meta() {
    return meta;
  }
}

package dev.firebreak.api.shiftswap;

import dev.firebreak.activities.shiftswap.ShiftRequest;
import dev.firebreak.activities.shiftswap.ShiftRequests;
import dev.firebreak.activities.shiftswap.ShiftRequests.ShiftRequestDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shift swaps over HTTP. Who may ask and take is the route table's: the person named in the body
 * ({@code userId}: the requester, or the taker), or a manager of the schedule's team on their
 * behalf.
 */
@RestController
@Tag(name = "Shift requests", description = "Cover requests; taking one overrides the schedule")
public class ShiftRequestController {

  /** Who takes the request. */
  public record TakeRequest(Long userId) {}

  private final ShiftRequests requests;

  public ShiftRequestController(ShiftRequests requests) {
    this.requests = requests;
  }

  @PostMapping("/api/v1/schedules/{id}/shift-requests")
  @Operation(summary = "Ask for cover of {userId, start, end, note?}")
  public ResponseEntity<ShiftRequest> request(@PathVariable long id,
      @RequestBody ShiftRequestDraft body) {
    ShiftRequest created = requests.request(id, body, Instant.now());
    return ResponseEntity.created(URI.create(
        "/api/v1/schedules/" + id + "/shift-requests/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/schedules/{id}/shift-requests")
  @Operation(summary = "The schedule's shift requests: OPEN, TAKEN or EXPIRED")
  public List<ShiftRequest> list(@PathVariable long id) {
    return requests.list(id, Instant.now());
  }

  @PostMapping("/api/v1/schedules/{id}/shift-requests/{requestId}/take")
  @Operation(summary = "Take a request {userId}: an override moves the shift to the taker")
  public ShiftRequest take(@PathVariable long id, @PathVariable long requestId,
      @RequestBody TakeRequest body) {
    return requests.take(id, requestId, body.userId(), Instant.now());
  }
}

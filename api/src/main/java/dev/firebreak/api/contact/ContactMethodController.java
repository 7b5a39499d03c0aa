package dev.firebreak.api.contact;

import dev.firebreak.activities.notify.ContactMethod;
import dev.firebreak.activities.notify.Contacts;
import dev.firebreak.activities.notify.VerificationCodes;
import dev.firebreak.api.edge.FieldProblem;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.notify.ContactMethods;
import dev.firebreak.workflows.notify.messages.ContactType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's contact methods: {@code sms}, {@code voice}, {@code email}, {@code slack}, {@code
 * teams} and {@code webhook}, each verified by a 6-digit code sent over it. SMS and voice numbers
 * are paged only once verified.
 */
@RestController
@RequestMapping("/api/v1/users/{userId}/contact-methods")
@Tag(name = "Contact methods", description = "How a user is reached when paged")
public class ContactMethodController {

  /** The body of a create or a replace. */
  public record ContactMethodRequest(String type, String value, String name) {}

  /** A contact method as the API shows it. */
  public record ContactMethodResponse(long id, String type, String value, String name,
      boolean verified) {

    static ContactMethodResponse of(ContactMethod m) {
      return new ContactMethodResponse(m.id(), m.type().word(), m.value(), m.name(),
          m.verified());
    }
  }

  /** The body of a verify. */
  public record VerifyRequest(String code) {}

  private final Contacts contacts;

  public ContactMethodController(Contacts contacts) {
    this.contacts = contacts;
  }

  @PostMapping
  @Operation(summary = "Add a contact method", description = "Answers {id, verified}; an SMS or"
      + " voice number is paged only once verified by send-code and verify")
  public ResponseEntity<ContactMethodResponse> create(@PathVariable long userId,
      @RequestBody ContactMethodRequest body) {
    requireUser(userId);
    Valid valid = validate(body);
    ContactMethod created = contacts.add(userId, valid.type(), valid.value(), valid.name());
    return ResponseEntity.created(URI.create("/api/v1/users/" + userId + "/contact-methods/"
        + created.id())).body(ContactMethodResponse.of(created));
  }

  @GetMapping
  public List<ContactMethodResponse> list(@PathVariable long userId) {
    requireUser(userId);
    return contacts.methods(userId).stream().map(ContactMethodResponse::of).toList();
  }

  @GetMapping("/{id}")
  public ContactMethodResponse get(@PathVariable long userId, @PathVariable long id) {
    return ContactMethodResponse.of(find(userId, id));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace a contact method", description = "A changed value must be"
      + " verified again")
  public ContactMethodResponse update(@PathVariable long userId, @PathVariable long id,
      @RequestBody ContactMethodRequest body) {
    requireUser(userId);
    Valid valid = validate(body);
    return contacts.replace(userId, id, valid.type(), valid.value(), valid.name())
        .map(ContactMethodResponse::of).orElseThrow(() -> notFound(userId, id));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a contact method", description = "Its notification rules go too")
  public ResponseEntity<Void> delete(@PathVariable long userId, @PathVariable long id) {
    if (!contacts.remove(userId, id)) {
      throw notFound(userId, id);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/send-code")
  @Operation(summary = "Send a verification code", description = "A 6-digit code, valid 10"
      + " minutes, sent over the method; a new one replaces the last. 503 when the channel"
      + " could not take it")
  public ResponseEntity<Void> sendCode(@PathVariable long userId, @PathVariable long id) {
    ContactMethod method = find(userId, id);
    try {
      contacts.sendCode(method);
    } catch (VerificationCodes.CodeNotSent e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "no code sent: " + e.getMessage());
    }
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{id}/verify")
  @Operation(summary = "Verify with the code sent", description = "400 for a wrong code, 410"
      + " once it expired or was tried 5 times, 409 when no code was sent")
  public ContactMethodResponse verify(@PathVariable long userId, @PathVariable long id,
      @RequestBody VerifyRequest body) {
    ContactMethod method = find(userId, id);
    Checker check = new Checker();
    check.require("code", body.code());
    check.done();
    return switch (contacts.verify(method, body.code())) {
      case VERIFIED -> ContactMethodResponse.of(find(userId, id));
      case WRONG -> throw ApiException.badRequest(List.of(
          new FieldProblem("code", "is not the code sent")));
      case EXPIRED -> throw new ApiException(HttpStatus.GONE,
          "the code expired or was tried too often: send a new one");
      case NONE -> throw ApiException.conflict("no code was sent to contact method " + id);
    };
  }

  /** A request checked whole. */
  record Valid(ContactType type, String value, String name) {}

  static Valid validate(ContactMethodRequest body) {
    Checker check = new Checker();
    check.require("type", body.type());
    ContactType type = check.oneOf("type", body.type(), ContactType.class, null);
    if (type != null) {
      ContactMethods.problem(type, body.value()).ifPresent(p -> check.problem("value", p));
    } else {
      check.require("value", body.value());
    }
    check.maxLength("name", body.name(), 255);
    check.done();
    String name = body.name() == null || body.name().isBlank() ? null : body.name().trim();
    return new Valid(type, body.value().trim(), name);
  }

  private ContactMethod find(long userId, long id) {
    requireUser(userId);
    return contacts.method(userId, id).orElseThrow(() -> notFound(userId, id));
  }

  private void requireUser(long userId) {
    if (!contacts.userExists(userId)) {
      throw ApiException.notFound("no user " + userId);
    }
  }

  private static ApiException notFound(long userId, long id) {
    return ApiException.notFound("user " + userId + " has no contact method " + id);
  }
}

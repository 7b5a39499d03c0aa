package dev.firebreak.api.directory;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "People who respond and can be paged")
public class UserController {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
  private static final Pattern SLACK_ID = Pattern.compile("^[UW][A-Z0-9]{2,30}$");

  /** The body of a create or a replace; {@code timeZone} defaults to UTC. */
  public record UserRequest(String name, String email, String slackUserId, String timeZone) {}

  private final UserStore users;

  public UserController(UserStore users) {
    this.users = users;
  }

  @PostMapping
  public ResponseEntity<User> create(@RequestBody UserRequest body) {
    UserRequest valid = validate(body);
    try {
      User user = users.create(valid.name(), valid.email(), valid.slackUserId(), valid.timeZone());
      return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    } catch (DuplicateKeyException e) {
      throw taken(valid);
    }
  }

  @GetMapping
  public List<User> list() {
    return users.list();
  }

  @GetMapping("/{id}")
  public User get(@PathVariable long id) {
    return users.find(id).orElseThrow(() -> notFound(id));
  }

  @PutMapping("/{id}")
  public User update(@PathVariable long id, @RequestBody UserRequest body) {
    UserRequest valid = validate(body);
    User user = new User(id, valid.name(), valid.email(), valid.slackUserId(), valid.timeZone());
    try {
      if (!users.update(user)) {
        throw notFound(id);
      }
    } catch (DuplicateKeyException e) {
      throw taken(valid);
    }
    return user;
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    if (!users.delete(id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  private static UserRequest validate(UserRequest body) {
    Checker check = new Checker();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    check.require("email", body.email());
    check.maxLength("email", body.email(), 320);
    if (body.email() != null && !body.email().isBlank()
        && !EMAIL.matcher(body.email().trim()).matches()) {
      check.problem("email", "'" + body.email() + "' is not an email address");
    }
    String slack = blankToNull(body.slackUserId());
    if (slack != null && !SLACK_ID.matcher(slack).matches()) {
      check.problem("slackUserId", "'" + slack + "' is not a Slack user id (like U024BE7LH)");
    }
    String zone = body.timeZone() == null || body.timeZone().isBlank() ? "UTC" : body.timeZone();
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      check.problem("timeZone", "'" + zone + "' is not a time zone (like Europe/Paris)");
    }
    check.done();
    return new UserRequest(body.name().trim(), body.email().trim(), slack, zone);
  }

  private static ApiException taken(UserRequest body) {
    return ApiException.conflict("a user with email " + body.email()
        + (body.slackUserId() != null ? " or Slack id " + body.slackUserId() : "")
        + " already exists");
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("no user " + id);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

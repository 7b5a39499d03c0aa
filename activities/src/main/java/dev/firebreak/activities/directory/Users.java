package dev.firebreak.activities.directory;

import dev.firebreak.workflows.validation.Conflict;
import dev.firebreak.workflows.validation.NotFound;
import dev.firebreak.workflows.validation.Problems;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The application service of users: a user's fields checked and normalised (trimmed, Slack id
 * optional, time zone UTC by default), a taken email or Slack id refused as a conflict.
 */
@Component
public class Users {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
  private static final Pattern SLACK_ID = Pattern.compile("^[UW][A-Z0-9]{2,30}$");

  /** A user as given; {@code timeZone} defaults to UTC. */
  public record UserDraft(String name, String email, String slackUserId, String timeZone) {}

  private final UserStore users;

  public Users(UserStore users) {
    this.users = users;
  }

  public User create(UserDraft draft) {
    UserDraft valid = valid(draft);
    try {
      return users.create(valid.name(), valid.email(), valid.slackUserId(), valid.timeZone());
    } catch (DuplicateKeyException e) {
      throw taken(valid);
    }
  }

  public List<User> list() {
    return users.list();
  }

  public Optional<User> find(long id) {
    return users.find(id);
  }

  /** The user whose Slack id this is: how Slack interactions name and authorise people. */
  public Optional<User> findBySlackUserId(String slackUserId) {
    return users.findBySlackUserId(slackUserId);
  }

  public User get(long id) {
    return users.find(id).orElseThrow(() -> notFound(id));
  }

  public User update(long id, UserDraft draft) {
    UserDraft valid = valid(draft);
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

  public void delete(long id) {
    if (!users.delete(id)) {
      throw notFound(id);
    }
  }

  static UserDraft valid(UserDraft body) {
    Problems check = new Problems();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    check.require("email", body.email());
    check.maxLength("email", body.email(), 320);
    if (body.email() != null && !body.email().isBlank()
        && !EMAIL.matcher(body.email().trim()).matches()) {
      check.add("email", "'" + body.email() + "' is not an email address");
    }
    String slack = blankToNull(body.slackUserId());
    if (slack != null && !SLACK_ID.matcher(slack).matches()) {
      check.add("slackUserId", "'" + slack + "' is not a Slack user id (like U024BE7LH)");
    }
    String zone = body.timeZone() == null || body.timeZone().isBlank() ? "UTC" : body.timeZone();
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      check.add("timeZone", "'" + zone + "' is not a time zone (like Europe/Paris)");
    }
    check.throwIfAny();
    return new UserDraft(body.name().trim(), body.email().trim(), slack, zone);
  }

  private static Conflict taken(UserDraft body) {
    return new Conflict("a user with email " + body.email()
        + (body.slackUserId() != null ? " or Slack id " + body.slackUserId() : "")
        + " already exists");
  }

  private static NotFound notFound(long id) {
    return new NotFound("no user " + id);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

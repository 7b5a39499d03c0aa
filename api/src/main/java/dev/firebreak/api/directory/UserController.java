package dev.firebreak.api.directory;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.Users;
import dev.firebreak.activities.directory.Users.UserDraft;
import dev.firebreak.activities.calendar.CalendarFeeds;
import dev.firebreak.activities.calendar.FeedKind;
import dev.firebreak.api.calendar.CalendarController;
import dev.firebreak.api.security.Callers;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users over HTTP; {@link Users} checks and stores them. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "People who respond and can be paged")
public class UserController {

  /** A user, with their calendar feed's URL when the caller is that user or an admin. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record UserView(long id, String name, String email, String slackUserId,
      String timeZone, String calendarUrl) {}

  private final Users users;
  private final CalendarFeeds calendars;
  private final Callers callers;

  public UserController(Users users, CalendarFeeds calendars, Callers callers) {
    this.users = users;
    this.calendars = calendars;
    this.callers = callers;
  }

  @PostMapping
  public ResponseEntity<User> create(@RequestBody UserDraft body) {
    User user = users.create(body);
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
  }

  @GetMapping
  public List<User> list() {
    return users.list();
  }

  @GetMapping("/{id}")
  public UserView get(@PathVariable long id) {
    User u = users.get(id);
    boolean mayRead = callers.current()
        .map(c -> c.admin() || Long.valueOf(id).equals(c.userId())).orElse(false);
    return new UserView(u.id(), u.name(), u.email(), u.slackUserId(), u.timeZone(),
        mayRead ? CalendarController.url(calendars, FeedKind.USER, id) : null);
  }

  @PutMapping("/{id}")
  public User update(@PathVariable long id, @RequestBody UserDraft body) {
    return users.update(id, body);
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    users.delete(id);
    return ResponseEntity.noContent().build();
  }
}

package dev.firebreak.api.directory;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.Users;
import dev.firebreak.activities.directory.Users.UserDraft;
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

  private final Users users;

  public UserController(Users users) {
    this.users = users;
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
  public User get(@PathVariable long id) {
    return users.get(id);
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

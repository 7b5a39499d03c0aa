package dev.firebreak.api.directory;

import dev.firebreak.activities.directory.Team;
import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
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
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Groups of users; services belong to a team")
public class TeamController {

  /** {@code members} are user ids; on a replace, absent keeps the members as they are. */
  public record TeamRequest(String name, String description, List<Long> members) {}

  public record MemberRequest(Long userId) {}

  private final TeamStore teams;
  private final UserStore users;

  public TeamController(TeamStore teams, UserStore users) {
    this.teams = teams;
    this.users = users;
  }

  @PostMapping
  public ResponseEntity<Team> create(@RequestBody TeamRequest body) {
    validate(body);
    try {
      Team team = teams.create(body.name().trim(), body.description(),
          body.members() == null ? List.of() : body.members());
      return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("a team named " + body.name() + " already exists");
    }
  }

  @GetMapping
  public List<Team> list() {
    return teams.list();
  }

  @GetMapping("/{id}")
  public Team get(@PathVariable long id) {
    return teams.find(id).orElseThrow(() -> notFound(id));
  }

  @PutMapping("/{id}")
  public Team update(@PathVariable long id, @RequestBody TeamRequest body) {
    validate(body);
    try {
      if (!teams.update(id, body.name().trim(), body.description(), body.members())) {
        throw notFound(id);
      }
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("a team named " + body.name() + " already exists");
    }
    return get(id);
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    if (!teams.delete(id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/members")
  public Team addMember(@PathVariable long id, @RequestBody MemberRequest body) {
    get(id);
    Checker check = new Checker();
    check.require("userId", body.userId());
    if (body.userId() != null && users.find(body.userId()).isEmpty()) {
      check.problem("userId", "no user " + body.userId());
    }
    check.done();
    teams.addMember(id, body.userId());
    return get(id);
  }

  @DeleteMapping("/{id}/members/{userId}")
  public Team removeMember(@PathVariable long id, @PathVariable long userId) {
    get(id);
    if (!teams.removeMember(id, userId)) {
      throw ApiException.notFound("user " + userId + " is not a member of team " + id);
    }
    return get(id);
  }

  private void validate(TeamRequest body) {
    Checker check = new Checker();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    if (body.members() != null) {
      List<Long> missing = body.members().stream()
          .filter(userId -> userId == null || users.find(userId).isEmpty()).toList();
      if (!missing.isEmpty()) {
        check.problem("members", "no users " + missing);
      }
    }
    check.done();
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("no team " + id);
  }
}

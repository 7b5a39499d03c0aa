package dev.firebreak.api.directory;

import dev.firebreak.activities.directory.Team;
import dev.firebreak.activities.directory.Teams;
import dev.firebreak.activities.directory.Teams.TeamDraft;
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

/** Teams over HTTP; {@link Teams} checks and stores them. */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Groups of users; services belong to a team")
public class TeamController {

  public record MemberRequest(Long userId) {}

  private final Teams teams;

  public TeamController(Teams teams) {
    this.teams = teams;
  }

  @PostMapping
  public ResponseEntity<Team> create(@RequestBody TeamDraft body) {
    Team team = teams.create(body);
    return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
  }

  @GetMapping
  public List<Team> list() {
    return teams.list();
  }

  @GetMapping("/{id}")
  public Team get(@PathVariable long id) {
    return teams.get(id);
  }

  @PutMapping("/{id}")
  public Team update(@PathVariable long id, @RequestBody TeamDraft body) {
    return teams.update(id, body);
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    teams.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/members")
  public Team addMember(@PathVariable long id, @RequestBody MemberRequest body) {
    return teams.addMember(id, body.userId());
  }

  @DeleteMapping("/{id}/members/{userId}")
  public Team removeMember(@PathVariable long id, @PathVariable long userId) {
    return teams.removeMember(id, userId);
  }
}

package dev.firebreak.activities.directory;

import dev.firebreak.workflows.validation.Conflict;
import dev.firebreak.workflows.validation.NotFound;
import dev.firebreak.workflows.validation.Problems;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** The application service of teams: named groups of users that exist. */
@Component
public class Teams {

  /** {@code members} are user ids; on a replace, absent keeps the members as they are. */
  public record TeamDraft(String name, String description, List<Long> members) {}

  private final TeamStore teams;
  private final UserStore users;

  public Teams(TeamStore teams, UserStore users) {
    this.teams = teams;
    this.users = users;
  }

  public Team create(TeamDraft draft) {
    check(draft);
    try {
      return teams.create(draft.name().trim(), draft.description(),
          draft.members() == null ? List.of() : draft.members());
    } catch (DuplicateKeyException e) {
      throw taken(draft);
    }
  }

  public List<Team> list() {
    return teams.list();
  }

  public Team get(long id) {
    return teams.find(id).orElseThrow(() -> new NotFound("no team " + id));
  }

  public Team update(long id, TeamDraft draft) {
    check(draft);
    try {
      if (!teams.update(id, draft.name().trim(), draft.description(), draft.members())) {
        throw new NotFound("no team " + id);
      }
    } catch (DuplicateKeyException e) {
      throw taken(draft);
    }
    return get(id);
  }

  public void delete(long id) {
    if (!teams.delete(id)) {
      throw new NotFound("no team " + id);
    }
  }

  public Team addMember(long id, Long userId) {
    get(id);
    Problems check = new Problems();
    check.require("userId", userId);
    if (userId != null && users.find(userId).isEmpty()) {
      check.add("userId", "no user " + userId);
    }
    check.throwIfAny();
    teams.addMember(id, userId);
    return get(id);
  }

  public Team removeMember(long id, long userId) {
    get(id);
    if (!teams.removeMember(id, userId)) {
      throw new NotFound("user " + userId + " is not a member of team " + id);
    }
    return get(id);
  }

  private void check(TeamDraft draft) {
    Problems check = new Problems();
    check.require("name", draft.name());
    check.maxLength("name", draft.name(), 255);
    if (draft.members() != null) {
      List<Long> missing = draft.members().stream()
          .filter(userId -> userId == null || users.find(userId).isEmpty()).toList();
      if (!missing.isEmpty()) {
        check.add("members", "no users " + missing);
      }
    }
    check.throwIfAny();
  }

  private static Conflict taken(TeamDraft draft) {
    return new Conflict("a team named " + draft.name() + " already exists");
  }
}

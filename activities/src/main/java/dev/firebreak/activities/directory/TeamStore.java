package dev.firebreak.activities.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class TeamStore {

  private final JdbcClient jdbc;

  public TeamStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Fails with {@code DuplicateKeyException} when the name is taken. */
  @Transactional
  public Team create(String name, String description, List<Long> memberIds) {
    long id = jdbc.sql("INSERT INTO team (name, description) VALUES (:name, :d) RETURNING id")
        .param("name", name).param("d", description).query(Long.class).single();
    setMembers(id, memberIds);
    return find(id).orElseThrow();
  }

  @Transactional
  public boolean update(long id, String name, String description, List<Long> memberIds) {
    boolean found = jdbc.sql("UPDATE team SET name = :name, description = :d WHERE id = :id")
        .param("id", id).param("name", name).param("d", description).update() == 1;
    if (found && memberIds != null) {
      setMembers(id, memberIds);
    }
    return found;
  }

  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM team WHERE id = :id").param("id", id).update() == 1;
  }

  public void addMember(long teamId, long userId) {
    jdbc.sql("INSERT INTO team_member (team_id, user_id) VALUES (:t, :u) ON CONFLICT DO NOTHING")
        .param("t", teamId).param("u", userId).update();
  }

  public boolean removeMember(long teamId, long userId) {
    return jdbc.sql("DELETE FROM team_member WHERE team_id = :t AND user_id = :u")
        .param("t", teamId).param("u", userId).update() == 1;
  }

  public Optional<Team> find(long id) {
    return jdbc.sql("SELECT id, name, description FROM team WHERE id = :id").param("id", id)
        .query((rs, n) -> new Team(rs.getLong("id"), rs.getString("name"),
            rs.getString("description"), members(rs.getLong("id"))))
        .optional();
  }

  public List<Team> list() {
    return jdbc.sql("SELECT id, name, description FROM team ORDER BY id")
        .query((rs, n) -> new Team(rs.getLong("id"), rs.getString("name"),
            rs.getString("description"), members(rs.getLong("id"))))
        .list();
  }

  public List<Long> members(long teamId) {
    return jdbc.sql("SELECT user_id FROM team_member WHERE team_id = :t ORDER BY user_id")
        .param("t", teamId).query(Long.class).list();
  }

  private void setMembers(long teamId, List<Long> memberIds) {
    jdbc.sql("DELETE FROM team_member WHERE team_id = :t").param("t", teamId).update();
    for (Long userId : memberIds) {
      addMember(teamId, userId);
    }
  }
}

package dev.firebreak.activities.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserStore {

  private static final String COLUMNS = "id, name, email, slack_user_id, time_zone";
  private static final RowMapper<User> ROW = (rs, n) -> new User(rs.getLong("id"),
      rs.getString("name"), rs.getString("email"), rs.getString("slack_user_id"),
      rs.getString("time_zone"));

  private final JdbcClient jdbc;

  public UserStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Fails with {@code DuplicateKeyException} when the email or Slack id is taken. */
  public User create(String name, String email, String slackUserId, String timeZone) {
    long id = jdbc.sql("INSERT INTO app_user (name, email, slack_user_id, time_zone)"
            + " VALUES (:name, :email, :slack, :tz) RETURNING id")
        .param("name", name).param("email", email).param("slack", slackUserId)
        .param("tz", timeZone)
        .query(Long.class).single();
    return new User(id, name, email, slackUserId, timeZone);
  }

  public boolean update(User user) {
    return jdbc.sql("UPDATE app_user SET name = :name, email = :email, slack_user_id = :slack,"
            + " time_zone = :tz WHERE id = :id")
        .param("id", user.id()).param("name", user.name()).param("email", user.email())
        .param("slack", user.slackUserId()).param("tz", user.timeZone())
        .update() == 1;
  }

  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM app_user WHERE id = :id").param("id", id).update() == 1;
  }

  public Optional<User> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
        .param("id", id).query(ROW).optional();
  }

  public Optional<User> findByEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE lower(email) = lower(:email)")
        .param("email", email).query(ROW).optional();
  }

  public Optional<User> findBySlackUserId(String slackUserId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE slack_user_id = :slack")
        .param("slack", slackUserId).query(ROW).optional();
  }

  /** The users with these ids that exist, in id order. */
  public List<User> findAll(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id IN (:ids) ORDER BY id")
        .param("ids", ids).query(ROW).list();
  }

  public List<User> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY id").query(ROW).list();
  }
}

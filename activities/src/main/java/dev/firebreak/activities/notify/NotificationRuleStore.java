package dev.firebreak.activities.notify;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' notification rules, in delay order. */
@Repository
public class NotificationRuleStore {

  private final JdbcClient jdbc;

  public NotificationRuleStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public NotificationRule create(long userId, long contactMethodId, int delayMinutes) {
    return jdbc.sql("INSERT INTO notification_rule (user_id, contact_method_id, delay_minutes)"
            + " VALUES (:u, :c, :d) RETURNING id, user_id, contact_method_id, delay_minutes")
        .param("u", userId).param("c", contactMethodId).param("d", delayMinutes)
        .query(NotificationRule.class).single();
  }

  public List<NotificationRule> forUser(long userId) {
    return jdbc.sql("SELECT id, user_id, contact_method_id, delay_minutes FROM notification_rule"
            + " WHERE user_id = :u ORDER BY delay_minutes, id")
        .param("u", userId).query(NotificationRule.class).list();
  }

  public Optional<NotificationRule> update(long userId, long id, long contactMethodId,
      int delayMinutes) {
    return jdbc.sql("UPDATE notification_rule SET contact_method_id = :c, delay_minutes = :d"
            + " WHERE user_id = :u AND id = :id"
            + " RETURNING id, user_id, contact_method_id, delay_minutes")
        .param("u", userId).param("id", id).param("c", contactMethodId).param("d", delayMinutes)
        .query(NotificationRule.class).optional();
  }

  public boolean delete(long userId, long id) {
    return jdbc.sql("DELETE FROM notification_rule WHERE user_id = :u AND id = :id")
        .param("u", userId).param("id", id).update() > 0;
  }
}

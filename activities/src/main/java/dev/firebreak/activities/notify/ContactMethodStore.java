package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' contact methods. A changed value is unverified again. */
@Repository
public class ContactMethodStore {

  private static final String COLUMNS = "id, user_id, type, value, name, verified";

  private final JdbcClient jdbc;

  public ContactMethodStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public ContactMethod create(long userId, ContactType type, String value, String name) {
    return jdbc.sql("INSERT INTO contact_method (user_id, type, value, name) VALUES"
            + " (:u, :t, :v, :n) RETURNING " + COLUMNS)
        .param("u", userId).param("t", type.name()).param("v", value).param("n", name)
        .query(ContactMethodStore::row).single();
  }

  public List<ContactMethod> forUser(long userId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contact_method WHERE user_id = :u ORDER BY id")
        .param("u", userId).query(ContactMethodStore::row).list();
  }

  public Optional<ContactMethod> find(long userId, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contact_method WHERE user_id = :u AND id = :id")
        .param("u", userId).param("id", id).query(ContactMethodStore::row).optional();
  }

  public Optional<ContactMethod> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contact_method WHERE id = :id")
        .param("id", id).query(ContactMethodStore::row).optional();
  }

  /** Replaces type, value and name; the method must be verified again if its value changed. */
  public Optional<ContactMethod> update(long userId, long id, ContactType type, String value,
      String name) {
    return jdbc.sql("UPDATE contact_method SET type = :t, value = :v, name = :n,"
            + " verified = verified AND value = :v AND type = :t"
            + " WHERE user_id = :u AND id = :id RETURNING " + COLUMNS)
        .param("u", userId).param("id", id).param("t", type.name()).param("v", value)
        .param("n", name).query(ContactMethodStore::row).optional();
  }

  public boolean delete(long userId, long id) {
    return jdbc.sql("DELETE FROM contact_method WHERE user_id = :u AND id = :id")
        .param("u", userId).param("id", id).update() > 0;
  }

  public void markVerified(long id) {
    jdbc.sql("UPDATE contact_method SET verified = TRUE WHERE id = :id").param("id", id).update();
  }

  static ContactMethod row(ResultSet rs, int n) throws SQLException {
    return new ContactMethod(rs.getLong("id"), rs.getLong("user_id"),
        ContactType.valueOf(rs.getString("type")), rs.getString("value"), rs.getString("name"),
        rs.getBoolean("verified"));
  }
}

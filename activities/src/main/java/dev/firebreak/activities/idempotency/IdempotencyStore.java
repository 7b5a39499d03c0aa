package dev.firebreak.activities.idempotency;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of Idempotency-Keys: who claimed a key, for which request, and what was answered. */
@Repository
public class IdempotencyStore {

  /** One key as stored; {@code response} is null while the first request still runs. */
  record Row(String requestHash, StoredResponse response, boolean abandoned) {}

  private final JdbcClient jdbc;

  public IdempotencyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the key for this request; false when it was claimed before (by any request). */
  boolean claim(String scope, String key, String requestHash) {
    return jdbc.sql("""
            INSERT INTO idempotency_key (scope, key, request_hash) VALUES (:scope, :key, :hash)
            ON CONFLICT (scope, key) DO NOTHING""")
        .param("scope", scope).param("key", key).param("hash", requestHash)
        .update() == 1;
  }

  /**
   * The key's row. A claim without a response older than {@code abandonAfter} is {@code
   * abandoned}: its request died before it answered.
   */
  Optional<Row> find(String scope, String key, Duration abandonAfter) {
    return jdbc.sql("""
            SELECT request_hash, response_status, response_body, location,
                   created_at < now() - make_interval(secs => :abandon) AS abandoned
            FROM idempotency_key WHERE scope = :scope AND key = :key""")
        .param("scope", scope).param("key", key).param("abandon", abandonAfter.toSeconds())
        .query((rs, n) -> {
          int status = rs.getInt("response_status");
          StoredResponse response = rs.wasNull() ? null
              : new StoredResponse(status, rs.getString("response_body"),
                  rs.getString("location"));
          return new Row(rs.getString("request_hash"), response, rs.getBoolean("abandoned"));
        })
        .optional();
  }

  /** Takes over an abandoned claim; false when another request took it first. */
  boolean reclaim(String scope, String key, Duration abandonAfter) {
    return jdbc.sql("""
            UPDATE idempotency_key SET created_at = now()
            WHERE scope = :scope AND key = :key AND response_status IS NULL
              AND created_at < now() - make_interval(secs => :abandon)""")
        .param("scope", scope).param("key", key).param("abandon", abandonAfter.toSeconds())
        .update() == 1;
  }

  void complete(String scope, String key, StoredResponse response) {
    jdbc.sql("""
            UPDATE idempotency_key
            SET response_status = :status, response_body = :body, location = :location
            WHERE scope = :scope AND key = :key""")
        .param("scope", scope).param("key", key).param("status", response.status())
        .param("body", response.body()).param("location", response.location())
        .update();
  }

  /** Gives the key up after a failure, so that the client's retry runs the request again. */
  void release(String scope, String key) {
    jdbc.sql("DELETE FROM idempotency_key WHERE scope = :scope AND key = :key AND"
            + " response_status IS NULL")
        .param("scope", scope).param("key", key)
        .update();
  }

  /** Forgets keys older than {@code age}; returns how many. */
  int expire(Duration age) {
    return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs"
            + " => :age)")
        .param("age", age.toSeconds())
        .update();
  }
}

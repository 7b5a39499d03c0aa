package dev.firebreak.activities.routing;

import dev.firebreak.workflows.routing.RoutingRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The ordered routing rules of each routing key (a service's integration key). */
@Repository
public class RoutingRuleStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  public RoutingRuleStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<RoutingRule> rules(long serviceId) {
    return jdbc.sql("SELECT rule FROM routing_rule WHERE service_id = :s ORDER BY position")
        .param("s", serviceId)
        .query((rs, n) -> read(rs.getString(1)))
        .list();
  }

  /** Replaces the whole list, in one transaction. */
  @Transactional
  public void replace(long serviceId, List<RoutingRule> rules) {
    jdbc.sql("DELETE FROM routing_rule WHERE service_id = :s").param("s", serviceId).update();
    for (int i = 0; i < rules.size(); i++) {
      try {
        jdbc.sql("INSERT INTO routing_rule (service_id, position, rule) VALUES (:s, :p, :r)")
            .param("s", serviceId).param("p", i).param("r", JSON.writeValueAsString(rules.get(i)))
            .update();
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
  }

  private static RoutingRule read(String json) {
    try {
      return JSON.readValue(json, RoutingRule.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable routing rule: " + json, e);
    }
  }
}

package dev.firebreak.activities.integrations;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The links integrations keep on an incident's read model (Jira ticket, postmortem page). The
 * incident projection never writes these columns, so the two never overwrite each other.
 */
@Repository
public class IncidentLinkStore {

  /** What an incident links to elsewhere; any field may be null. */
  public record Links(
      String jiraTicketKey, String jiraTicketUrl, String postmortemPageId, String postmortemUrl) {

    public static final Links NONE = new Links(null, null, null, null);
  }

  private final JdbcClient jdbc;

  public IncidentLinkStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void saveJiraTicket(long incidentId, String key, String url) {
    jdbc.sql("UPDATE incident SET jira_ticket_key = :key, jira_ticket_url = :url WHERE id = :id")
        .param("key", key)
        .param("url", url)
        .param("id", incidentId)
        .update();
  }

  public void savePostmortemPage(long incidentId, String pageId, String url) {
    jdbc.sql("UPDATE incident SET postmortem_page_id = :page, postmortem_url = :url WHERE id = :id")
        .param("page", pageId)
        .param("url", url)
        .param("id", incidentId)
        .update();
  }

  public Links links(long incidentId) {
    return linksOf(java.util.List.of(incidentId)).getOrDefault(incidentId, Links.NONE);
  }

  public Map<Long, Links> linksOf(Collection<Long> incidentIds) {
    Map<Long, Links> links = new HashMap<>();
    if (incidentIds.isEmpty()) {
      return links;
    }
    jdbc.sql("SELECT id, jira_ticket_key, jira_ticket_url, postmortem_page_id, postmortem_url"
            + " FROM incident WHERE id IN (:ids)")
        .param("ids", incidentIds)
        .query(rs -> {
          links.put(rs.getLong("id"), new Links(rs.getString("jira_ticket_key"),
              rs.getString("jira_ticket_url"), rs.getString("postmortem_page_id"),
              rs.getString("postmortem_url")));
        });
    return links;
  }

  public Optional<Links> find(long incidentId) {
    return Optional.ofNullable(linksOf(java.util.List.of(incidentId)).get(incidentId));
  }
}

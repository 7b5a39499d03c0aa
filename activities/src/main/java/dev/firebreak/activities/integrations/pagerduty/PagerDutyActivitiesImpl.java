package dev.firebreak.activities.integrations.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.integrations.IntegrationSettings;
import dev.firebreak.activities.integrations.http.IntegrationHttp;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.integrations.PagerDutyActivities;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import dev.firebreak.workflows.integrations.messages.SyncChange;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component("pagerDutyActivities")
public class PagerDutyActivitiesImpl implements PagerDutyActivities {

  private static final Logger log = LoggerFactory.getLogger(PagerDutyActivitiesImpl.class);

  private final PagerDutySettings settings;
  private final PagerDutyClient pagerDuty;
  private final PagerDutyStore store;
  private final IncidentStore incidents;
  private final IntegrationSettings integrations;

  public PagerDutyActivitiesImpl(
      PagerDutySettings settings, PagerDutyClient pagerDuty, PagerDutyStore store,
      IncidentStore incidents, IntegrationSettings integrations) {
    this.settings = settings;
    this.pagerDuty = pagerDuty;
    this.store = store;
    this.incidents = incidents;
    this.integrations = integrations;
  }

  @Override
  public SyncChange syncPagerDutyServices() {
    return sync("services", "/services", PagerDutyStore.SERVICES, s -> row(
        "id", text(s, "id"), "name", name(s), "status", text(s, "status"),
        "html_url", text(s, "html_url"),
        "escalation_policy_id", text(s.path("escalation_policy"), "id")));
  }

  @Override
  public SyncChange syncPagerDutyUsers() {
    return sync("users", "/users", PagerDutyStore.USERS, u -> row(
        "id", text(u, "id"), "name", name(u), "email", text(u, "email"),
        "html_url", text(u, "html_url")));
  }

  @Override
  public SyncChange syncPagerDutySchedules() {
    return sync("schedules", "/schedules", PagerDutyStore.SCHEDULES, s -> row(
        "id", text(s, "id"), "name", name(s), "html_url", text(s, "html_url")));
  }

  @Override
  public SyncChange syncPagerDutyEscalationPolicies() {
    return sync("escalation_policies", "/escalation_policies", PagerDutyStore.ESCALATION_POLICIES,
        p -> row("id", text(p, "id"), "name", name(p), "html_url", text(p, "html_url")));
  }

  @Override
  public SyncChange syncPagerDutyOncalls() {
    return sync("oncalls", "/oncalls", PagerDutyStore.ONCALLS, o -> {
      String scheduleId = text(o.path("schedule"), "id");
      return row(
          "escalation_policy_id", text(o.path("escalation_policy"), "id"),
          "escalation_level", o.path("escalation_level").asInt(1),
          "schedule_id", scheduleId == null ? "" : scheduleId,
          "user_id", text(o.path("user"), "id"),
          "user_name", text(o.path("user"), "summary"),
          "starts_at", instant(text(o, "start")),
          "ends_at", instant(text(o, "end")));
    });
  }

  private SyncChange sync(
      String resource, String path, PagerDutyStore.Table table,
      Function<JsonNode, Map<String, Object>> toRow) {
    requireEnabled();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode item : pagerDuty.listAll(path, resource)) {
      Map<String, Object> row = toRow.apply(item);
      if (table.keys().stream().allMatch(k -> row.get(k) != null)) {
        rows.add(row);
      }
    }
    SyncChange change = store.replace(resource, table, rows);
    log.info("PagerDuty sync {}", change);
    return change;
  }

  @Override
  public PagerDutyTriggered triggerPagerDutyIncident(PagerDutyTrigger trigger) {
    requireEnabled();
    JsonNode existing = pagerDuty.findIncidentByKey(trigger.incidentKey()).orElse(null);
    JsonNode created = existing != null ? existing : pagerDuty.createIncident(body(trigger));
    String id = text(created, "id");
    String url = text(created, "html_url");
    store.saveTriggered(trigger.incidentId(), trigger.serviceId(), trigger.requestedBy(), id, url);
    log.info("incident {}: PagerDuty service {} paged, PagerDuty incident {} ({})",
        trigger.incidentId(), trigger.serviceId(), id, existing != null ? "found" : "created");
    return new PagerDutyTriggered(id, url, trigger.serviceId());
  }

  @Override
  public void releasePagerDutyTrigger(PagerDutyTrigger trigger) {
    store.releaseTrigger(trigger.incidentId(), trigger.serviceId());
  }

  Map<String, Object> body(PagerDutyTrigger trigger) {
    Incident incident = incidents.find(trigger.incidentId()).orElseThrow(() ->
        ApplicationFailure.newNonRetryableFailure(
            "no incident " + trigger.incidentId(), "IncidentNotFound"));
    String url = integrations.incidentUrl(incident.id());
    StringBuilder details = new StringBuilder()
        .append("Firebreak incident #").append(incident.id()).append(": ").append(incident.title())
        .append("\nPriority: ").append(incident.priority())
        .append("\nEnvironment: ").append(incident.environment())
        .append("\nCategory: ").append(incident.category() == null ? "none" : incident.category())
        .append("\nIncident page: ").append(url);
    if (trigger.requestedBy() != null) {
      details.append("\nPaged by: ").append(trigger.requestedBy());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "incident");
    body.put("title", "[Firebreak #" + incident.id() + " " + incident.priority() + "] "
        + incident.title());
    body.put("service", Map.of("id", trigger.serviceId(), "type", "service_reference"));
    body.put("urgency", "high");
    body.put("incident_key", trigger.incidentKey());
    body.put("body", Map.of("type", "incident_body", "details", details.toString()));
    return body;
  }

  private void requireEnabled() {
    if (!settings.enabled()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "PagerDuty is not enabled (ENABLE_PAGERDUTY)", "PagerDutyDisabled");
    }
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private static String name(JsonNode node) {
    String name = text(node, "name");
    if (name == null) {
      name = text(node, "summary");
    }
    return name == null ? text(node, "id") : name;
  }

  private static String text(JsonNode node, String field) {
    return IntegrationHttp.text(node, field);
  }

  private static Instant instant(String value) {
    return value == null ? null : java.time.OffsetDateTime.parse(value).toInstant();
  }
}

package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.Incident;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.SearchAttributes;
import java.util.List;

/**
 * The custom search attributes every incident workflow sets, so that Temporal UI can filter, for
 * example, {@code FirebreakStatus != "CLOSED" AND FirebreakPriority = "P1"}. A real server must
 * have them registered (see infra/dev and the worker's registrar).
 */
public final class IncidentSearchAttributes {

  public static final SearchAttributeKey<Long> INCIDENT_ID =
      SearchAttributeKey.forLong("FirebreakIncidentId");
  public static final SearchAttributeKey<String> PRIORITY =
      SearchAttributeKey.forKeyword("FirebreakPriority");
  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("FirebreakStatus");
  public static final SearchAttributeKey<String> ENVIRONMENT =
      SearchAttributeKey.forKeyword("FirebreakEnvironment");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(INCIDENT_ID, PRIORITY, STATUS, ENVIRONMENT);

  private IncidentSearchAttributes() {}

  public static SearchAttributes of(Incident incident) {
    return SearchAttributes.newBuilder()
        .set(INCIDENT_ID, incident.id())
        .set(PRIORITY, incident.priority().name())
        .set(STATUS, incident.status().name())
        .set(ENVIRONMENT, incident.environment().name())
        .build();
  }

  public static List<SearchAttributeUpdate<?>> updates(Incident incident) {
    return List.of(
        INCIDENT_ID.valueSet(incident.id()),
        PRIORITY.valueSet(incident.priority().name()),
        STATUS.valueSet(incident.status().name()),
        ENVIRONMENT.valueSet(incident.environment().name()));
  }
}

package dev.firebreak.workflows.alert;

import dev.firebreak.workflows.alert.messages.AlertStatus;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.util.List;

/**
 * The search attributes of alert group workflows, so Temporal UI can filter, for example, {@code
 * FirebreakServiceId = "3" AND FirebreakAlertStatus = "TRIGGERED"}.
 */
public final class AlertSearchAttributes {

  public static final SearchAttributeKey<String> SERVICE_ID =
      SearchAttributeKey.forKeyword("FirebreakServiceId");
  public static final SearchAttributeKey<String> ALERT_STATUS =
      SearchAttributeKey.forKeyword("FirebreakAlertStatus");

  public static final List<SearchAttributeKey<?>> ALL = List.of(SERVICE_ID, ALERT_STATUS);

  private AlertSearchAttributes() {}

  public static SearchAttributes of(long serviceId, AlertStatus status) {
    return SearchAttributes.newBuilder()
        .set(SERVICE_ID, String.valueOf(serviceId))
        .set(ALERT_STATUS, status.name())
        .build();
  }
}

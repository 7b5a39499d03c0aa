package dev.firebreak.activities.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The incident of a workflow id, for every workflow of an incident and no other. */
class IncidentLogContextTest {

  @Test
  void everyWorkflowOfAnIncidentNamesIt() {
    assertThat(IncidentLogContext.incidentOf("incident-42")).isEqualTo("42");
    assertThat(IncidentLogContext.incidentOf("escalation-42-3")).isEqualTo("42");
    assertThat(IncidentLogContext.incidentOf("invite-42")).isEqualTo("42");
    assertThat(IncidentLogContext.incidentOf("pagerduty-trigger-42-PSVC1")).isEqualTo("42");
    assertThat(IncidentLogContext.incidentOf("alert-7-0a1b2c")).isNull();
    assertThat(IncidentLogContext.incidentOf("heartbeat-0123abcd")).isNull();
    assertThat(IncidentLogContext.incidentOf("incident-")).isNull();
    assertThat(IncidentLogContext.incidentOf(null)).isNull();
  }

  @Test
  void enterAndLeaveSetTheMdc() {
    assertThat(IncidentLogContext.enter("alert-7-0a1b2c")).isFalse();
    assertThat(MDC.get(IncidentLogContext.INCIDENT_ID)).isNull();
    assertThat(IncidentLogContext.enter("escalation-9-1")).isTrue();
    assertThat(MDC.get(IncidentLogContext.INCIDENT_ID)).isEqualTo("9");
    IncidentLogContext.leave();
    assertThat(MDC.get(IncidentLogContext.INCIDENT_ID)).isNull();
  }
}

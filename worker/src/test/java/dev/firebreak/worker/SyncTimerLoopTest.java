package dev.firebreak.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.firebreak.activities.sync.SyncScheduler;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default (Temporal's in-process server, which has no Schedules) with PagerDuty
 * enabled: the periodic sync runs as a timer-loop workflow instead, and does sync.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "TEMPORAL_ADDRESS=", "DATABASE_URL=",
      "ENABLE_PAGERDUTY=true", "PAGERDUTY_API_KEY=pd-token",
      "firebreak.sync.pagerduty.period=1h"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SyncTimerLoopTest {

  static final WireMockServer pagerDuty = new WireMockServer(options().dynamicPort());

  static {
    pagerDuty.start();
    for (String list : new String[] {"services", "users", "schedules", "escalation_policies",
        "oncalls"}) {
      pagerDuty.stubFor(get(urlPathEqualTo("/" + list))
          .willReturn(okJson("{\"" + list + "\":[],\"more\":false}")));
    }
  }

  @DynamicPropertySource
  static void fake(DynamicPropertyRegistry registry) {
    registry.add("PAGERDUTY_URL", () -> "http://localhost:" + pagerDuty.port());
  }

  @AfterAll
  static void stop() {
    pagerDuty.stop();
  }

  @Autowired SyncScheduler scheduler;
  @Autowired WorkflowClient temporal;

  @Test
  void withoutSchedulesTheSyncRunsInATimerLoopWorkflow() throws Exception {
    assertThat(scheduler.outcomes()).singleElement()
        .satisfies(o -> assertThat(o.mode()).isEqualTo(SyncScheduler.Mode.TIMER_LOOP));
    String loop = "sync-loop-" + SyncScheduler.PAGERDUTY_SCHEDULE;
    assertThat(temporal.newUntypedWorkflowStub(loop).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (pagerDuty.findAll(getRequestedFor(urlPathEqualTo("/oncalls"))).isEmpty()
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    pagerDuty.verify(getRequestedFor(urlPathMatching("/(services|users|schedules|oncalls)")));
    assertThat(pagerDuty.findAll(getRequestedFor(urlPathEqualTo("/oncalls")))).hasSize(1);
  }
}

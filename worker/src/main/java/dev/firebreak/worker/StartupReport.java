package dev.firebreak.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says once more, when ready, where Firebreak listens and what state survives a restart. */
@Component
class StartupReport {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  @EventListener
  void ready(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    log.info("Firebreak is ready on port {} (API /api/v1, OpenAPI /v3/api-docs, UI"
            + " /swagger-ui.html, health /actuator/health). {}",
        env.getProperty("local.server.port", env.getProperty("server.port", "8080")),
        env.getProperty(EmbeddedInfrastructure.MODE, ""));
  }
}

package dev.firebreak.api.temporal;

import dev.firebreak.activities.temporal.SearchAttributesSwitch;
import dev.firebreak.workflows.alert.AlertSearchAttributes;
import dev.firebreak.workflows.incident.IncidentSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes sure the server knows Firebreak's search attributes before any workflow uses them. Where
 * it cannot (no permission on a shared cluster, an old server), workflows run without them and
 * the log says so; register them as infra/README.md shows.
 */
@Component
public class SearchAttributeRegistrar implements InitializingBean, SearchAttributesSwitch {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final boolean wanted;
  private volatile boolean enabled;

  public SearchAttributeRegistrar(
      WorkflowServiceStubs stubs,
      @Value("${spring.temporal.namespace:default}") String namespace,
      @Value("${firebreak.temporal.search-attributes:true}") boolean wanted) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.wanted = wanted;
  }

  /** Incidents' and alert groups' attributes. */
  static final List<SearchAttributeKey<?>> ALL =
      Stream.concat(IncidentSearchAttributes.ALL.stream(), AlertSearchAttributes.ALL.stream())
          .toList();

  /** Whether workflows may set Firebreak's search attributes. */
  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public void afterPropertiesSet() {
    if (!wanted) {
      log.info("search attributes are switched off (firebreak.temporal.search-attributes=false)");
      return;
    }
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
    boolean all = true;
    for (SearchAttributeKey<?> key : ALL) {
      all &= register(operator, key);
    }
    enabled = all;
    if (all) {
      log.info("search attributes ready in namespace {}: {}", namespace,
          ALL.stream().map(SearchAttributeKey::getName).toList());
    }
  }

  private boolean register(OperatorServiceStubs operator, SearchAttributeKey<?> key) {
    try {
      operator.blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(namespace)
                  .putSearchAttributes(key.getName(), key.getValueType())
                  .build());
      return true;
    } catch (StatusRuntimeException e) {
      String description = String.valueOf(e.getStatus().getDescription()).toLowerCase(Locale.ROOT);
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS || description.contains("already")) {
        return true;
      }
      log.warn("cannot register search attribute {} in namespace {} ({}): workflows run without"
          + " search attributes", key.getName(), namespace, e.getStatus());
      return false;
    }
  }
}

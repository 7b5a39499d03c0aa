package dev.firebreak.activities.temporal;

import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.serviceclient.rpcretry.DefaultStubServiceOperationRpcRetryOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a Temporal client call keeps retrying an unreachable server. The SDK's default is one
 * minute: during an outage every signal endpoint would then hold its sender for a minute before a
 * late 503 (or a late 202), and senders that time out resend, which counts their events twice.
 * Bounded here ({@code firebreak.outages.temporal-retry-expiration}, 1 s by default), a refused
 * connection becomes a 503 with Retry-After within 2 s. Only client calls (start, signal, update,
 * query) use these options; the workers' own calls keep the SDK's defaults, so a worker rides out
 * an outage as before.
 */
@Configuration(proxyBeanMethods = false)
public class TemporalClientOptions {

  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> boundedClientRetries(
      @Value("${firebreak.outages.temporal-retry-expiration:1000ms}") Duration expiration) {
    return builder -> builder.setRpcRetryOptions(
        RpcRetryOptions.newBuilder(DefaultStubServiceOperationRpcRetryOptions.INSTANCE)
            .setExpiration(expiration)
            .validateBuildWithDefaults());
  }
}

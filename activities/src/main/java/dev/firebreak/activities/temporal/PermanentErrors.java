package dev.firebreak.activities.temporal;

import dev.firebreak.workflows.Retries;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells every activity's errors apart, local ones included: data the database refuses for good
 * (SQLState class 22, data exception: a NUL character, a value too long, an invalid byte
 * sequence; class 23, integrity constraint) becomes a non-retryable {@code ApplicationFailure} of
 * type {@link Retries#PERMANENT_DATA_ERROR}, which the workflow catches and quarantines. Anything
 * else (a lost connection, a timeout, a failed rollback) is left as it is and retried without
 * limit. One interceptor, so no activity can forget it; Spring's Temporal starter registers every
 * {@code WorkerInterceptor} bean.
 */
@Component
public class PermanentErrors extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (RuntimeException e) {
          throw classify(e);
        }
      }
    };
  }

  /** {@code e} as a non-retryable failure when retrying cannot fix it, else {@code e} itself. */
  public static RuntimeException classify(RuntimeException e) {
    if (e instanceof TemporalFailure) {
      return e; // already classified by the activity
    }
    return refusedData(e)
        .<RuntimeException>map(sql -> ApplicationFailure.newNonRetryableFailureWithCause(
            "SQLState " + sql.getSQLState() + ": " + sql.getMessage(),
            Retries.PERMANENT_DATA_ERROR, e))
        .orElse(e);
  }

  /** The SQL error in {@code e}'s causes whose state says the data itself is refused. */
  static Optional<SQLException> refusedData(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
        return Optional.of(sql);
      }
    }
    return Optional.empty();
  }
}

package dev.firebreak.worker;

import dev.firebreak.activities.store.EmbeddedDatabase;
import dev.firebreak.activities.store.PersistentDatabase;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before the application context starts, where Temporal and PostgreSQL are:
 *
 * <ul>
 *   <li>Temporal: {@code TEMPORAL_ADDRESS} (and {@code TEMPORAL_NAMESPACE}) when set; otherwise
 *       {@code spring.temporal.connection.target} when set; otherwise Temporal's in-process server,
 *       keeping real time, started here.
 *   <li>PostgreSQL: {@code DATABASE_URL} when set ({@code postgresql://user:pass@host:port/db} or a
 *       JDBC URL); otherwise {@code spring.datasource.url} when set; otherwise an embedded server,
 *       whose data is kept in {@code FIREBREAK_DATA_DIR/postgres} when that is set (the README's
 *       run command, infra/dev/run.sh), and temporary otherwise.
 * </ul>
 *
 * The first lines of the log say which was chosen and what survives a restart.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

  static final String MODE = "firebreak.mode.summary";

  private final Log log;

  public EmbeddedInfrastructure(DeferredLogFactory logs) {
    this.log = logs.getLog(EmbeddedInfrastructure.class);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    Map<String, Object> props = new LinkedHashMap<>();
    String temporal = temporal(env, props);
    String database = database(env, props);
    boolean durable = !temporal.startsWith("in-process") && !database.startsWith("embedded");
    String survives = durable
        ? "incidents, timers and configuration survive a restart"
        : "NOTHING survives a restart (" + (temporal.startsWith("in-process")
            ? "workflows live in memory" : "the database is temporary")
            + "); set TEMPORAL_ADDRESS and DATABASE_URL to keep state";
    String summary = "Temporal: " + temporal + "; PostgreSQL: " + database + "; " + survives;
    props.put(MODE, summary);
    env.getPropertySources().addFirst(new MapPropertySource("firebreakInfrastructure", props));
    log.info("Firebreak run mode. " + summary);
  }

  private String temporal(ConfigurableEnvironment env, Map<String, Object> props) {
    String address = env.getProperty("TEMPORAL_ADDRESS");
    String namespace = env.getProperty("TEMPORAL_NAMESPACE");
    if (namespace != null && !namespace.isBlank()) {
      props.put("spring.temporal.namespace", namespace);
    }
    String ns = namespace != null && !namespace.isBlank()
        ? namespace : env.getProperty("spring.temporal.namespace", "default");
    if (address != null && !address.isBlank()) {
      props.put("spring.temporal.connection.target", address);
      return "server at " + address + " (namespace " + ns + ")";
    }
    if (env.getProperty("spring.temporal.test-server.enabled", Boolean.class, false)) {
      return "in-process test server with time skipping (tests only)";
    }
    String target = env.getProperty("spring.temporal.connection.target");
    if (target != null && !target.isBlank()) {
      return "server at " + target + " (namespace " + ns + ")";
    }
    int port = freePort();
    TestServer.createPortBoundServer(port, true);
    props.put("spring.temporal.connection.target", "127.0.0.1:" + port);
    return "in-process server on 127.0.0.1:" + port + " (real time, no Temporal UI)";
  }

  private String database(ConfigurableEnvironment env, Map<String, Object> props) {
    String databaseUrl = env.getProperty("DATABASE_URL");
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      JdbcSettings jdbc = JdbcSettings.parse(databaseUrl);
      props.put("spring.datasource.url", jdbc.url());
      if (jdbc.username() != null) {
        props.put("spring.datasource.username", jdbc.username());
      }
      if (jdbc.password() != null) {
        props.put("spring.datasource.password", jdbc.password());
      }
      return "server at " + jdbc.redacted();
    }
    String url = env.getProperty("spring.datasource.url");
    if (url != null && !url.isBlank()) {
      return "server at " + url;
    }
    String dataDir = env.getProperty("FIREBREAK_DATA_DIR");
    if (dataDir != null && !dataDir.isBlank()) {
      // infra/dev/run.sh: an embedded server whose data stays in the data folder
      java.nio.file.Path folder = java.nio.file.Path.of(dataDir, "postgres");
      props.put("spring.datasource.url", PersistentDatabase.jdbcUrl(folder));
      props.put("spring.datasource.username", "postgres");
      props.put("spring.datasource.password", "postgres");
      return "persistent embedded server with its data in " + folder.toAbsolutePath();
    }

    String embedded = EmbeddedDatabase.jdbcUrl();
    props.put("spring.datasource.url", embedded);
    props.put("spring.datasource.username", "postgres");
    props.put("spring.datasource.password", "postgres");
    return "embedded server at " + embedded + " (temporary folder under "
        + EmbeddedDatabase.home() + ", removed at exit, or at the next start after a kill)";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JDBC URL and credentials from {@code DATABASE_URL}. */
  record JdbcSettings(String url, String username, String password) {

    static JdbcSettings parse(String databaseUrl) {
      if (databaseUrl.startsWith("jdbc:")) {
        return new JdbcSettings(databaseUrl, null, null);
      }
      URI uri = URI.create(databaseUrl);
      String scheme = uri.getScheme();
      if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
        throw new IllegalArgumentException(
            "DATABASE_URL must be postgresql://user:password@host:port/database or a JDBC URL");
      }
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = decode(parts[0]);
        password = parts.length > 1 ? decode(parts[1]) : null;
      }
      int port = uri.getPort() > 0 ? uri.getPort() : 5432;
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return new JdbcSettings(
          "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query,
          user, password);
    }

    String redacted() {
      return url + (username != null ? " as " + username : "");
    }

    private static String decode(String value) {
      return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}

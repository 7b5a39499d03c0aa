package dev.firebreak.api.slack;

import com.slack.api.bolt.App;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Slack routing table: every scenario's routes, registered on Bolt's app by {@link SlackBolt}.
 * Two scenarios claiming the same route is a programming error, caught when the app starts rather
 * than by Bolt silently taking the first. Every route is registered behind {@link SlackGate}, so
 * Slack roles apply once, before any scenario runs.
 */
@Component
public class SlackRouter {

  private final List<SlackRoute> routes = new ArrayList<>();

  public SlackRouter(List<SlackScenario> scenarios, SlackGate gate) {
    Set<String> keys = new HashSet<>();
    for (SlackScenario scenario : scenarios) {
      for (SlackRoute route : scenario.routes()) {
        if (!keys.add(route.key())) {
          throw new IllegalStateException("two Slack scenarios handle " + route.key());
        }
        routes.add(route.gated(gate));
      }
    }
  }

  /** The whole table, in registration order. */
  public List<SlackRoute> routes() {
    return List.copyOf(routes);
  }

  /** Registers every route on Bolt's app. */
  public void register(App app) {
    routes.forEach(route -> route.register(app));
  }
}

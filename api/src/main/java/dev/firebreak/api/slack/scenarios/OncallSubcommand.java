package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.firebreak.api.slack.SlackOnCall;
import java.time.Instant;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code /incident oncall}: who is on call now, and a button per service to page its escalation
 * policy ({@link PageServiceButton} takes the click).
 */
@Component
@Order(60)
public class OncallSubcommand implements Subcommand {

  private final SlackOnCall onCall;

  public OncallSubcommand(SlackOnCall onCall) {
    this.onCall = onCall;
  }

  @Override
  public String name() {
    return "oncall";
  }

  @Override
  public String usage() {
    return "";
  }

  @Override
  public String help() {
    return "who is on call now, and buttons to page a service's escalation policy";
  }

  @Override
  public Response run(Invocation in) {
    Instant now = Instant.now();
    String text = onCall.text(now);
    List<LayoutBlock> blocks = onCall.blocks(now);
    return in.ctx().ack(r -> r.text(text).blocks(blocks));
  }
}

package dev.firebreak.api.slack.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.firebreak.activities.slack.SlackApi;
import dev.firebreak.activities.slack.SlackSettings;
import dev.firebreak.api.slack.SlackRouter;
import dev.firebreak.api.slack.SlackScenario;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bolt's real {@link App} with some scenarios' routes, fed with requests built from raw bodies and
 * headers as Slack sends them to {@code /slack/events} and parsed by Bolt's own
 * {@link SlackRequestParser}, the way {@code SlackBolt} does it. Slack's Web API is a
 * {@link FakeSlackApi}.
 */
final class BoltHarness implements AutoCloseable {

  /** Lets every Slack user through: these tests are about scenarios, not roles. */
  static final dev.firebreak.api.slack.SlackGate OPEN_GATE =
      new dev.firebreak.api.slack.SlackGate(null) {
        @Override
        public String refusal(String slackUserId,
            dev.firebreak.activities.security.SlackPermissions.Action action) {
          return null;
        }
      };

  static final String FORM = "application/x-www-form-urlencoded";

  final FakeSlackApi slack = new FakeSlackApi();
  final SlackSettings settings;
  private App app;
  private SlackRequestParser parser;
  private int triggers;

  BoltHarness() {
    this(List.of("S_SOS", "C_SOS"));
  }

  BoltHarness(List<String> sosTargets) {
    settings = new SlackSettings("xoxb-test", "signing-secret", slack.apiUrl(), "", "/incident",
        List.of("/firebreak"), 0, sosTargets);
  }

  /** Builds the app with the routes of these scenarios, as SlackBolt does with all of them. */
  BoltHarness with(SlackScenario... scenarios) {
    AppConfig config = AppConfig.builder()
        .singleTeamBotToken(settings.botToken())
        .requestVerificationEnabled(false)
        .slack(SlackApi.slack(settings))
        .build();
    app = new App(config);
    new SlackRouter(Arrays.asList(scenarios), BoltHarness.OPEN_GATE).register(app);
    parser = new SlackRequestParser(config);
    return this;
  }

  /** {@code /incident <text>} typed in {@code channel} by alice (U9). */
  Response command(String text, String channel) throws Exception {
    return command("/incident", text, channel);
  }

  Response command(String command, String text, String channel) throws Exception {
    return command(command, text, channel, "trigger-" + (++triggers));
  }

  /** The command with this trigger id: the same one again is Slack retrying it. */
  Response command(String command, String text, String channel, String trigger)
      throws Exception {
    return send(FORM, "token=t&team_id=T1&team_domain=acme&channel_id=" + channel
        + "&channel_name=general&user_id=U9&user_name=alice&command=" + enc(command)
        + "&text=" + enc(text) + "&api_app_id=A1&is_enterprise_install=false"
        + "&response_url=" + enc(slack.responseUrl()) + "&trigger_id=" + enc(trigger));
  }

  /** A click of the button {@code actionId} valued {@code value}, by {@code user}. */
  Response click(String actionId, String value, String user) throws Exception {
    ObjectNode payload = interaction("block_actions", user);
    payload.put("response_url", slack.responseUrl());
    payload.putObject("container").put("type", "message").put("message_ts", "1700000000.000100")
        .put("channel_id", "D1");
    payload.putObject("channel").put("id", "D1").put("name", "directmessage");
    payload.putArray("actions").addObject().put("action_id", actionId).put("block_id", "b1")
        .put("value", value).put("type", "button").put("action_ts", "1700000001.000200")
        .putObject("text").put("type", "plain_text").put("text", actionId);
    return send(FORM, "payload=" + enc(payload.toString()));
  }

  /** The global shortcut {@code callbackId}, run by alice. */
  Response shortcut(String callbackId) throws Exception {
    ObjectNode payload = interaction("shortcut", "U9");
    payload.put("callback_id", callbackId).put("action_ts", "1700000001.000300");
    return send(FORM, "payload=" + enc(payload.toString()));
  }

  /** The modal {@code callbackId} submitted by alice with these input blocks' values. */
  Response submit(String callbackId, String viewId, String privateMetadata,
      Map<String, JsonNode> values) throws Exception {
    ObjectNode payload = interaction("view_submission", "U9");
    ObjectNode view = payload.putObject("view");
    view.put("id", viewId).put("hash", viewId + "-hash").put("type", "modal")
        .put("callback_id", callbackId).put("team_id", "T1").put("app_id", "A1")
        .put("private_metadata", privateMetadata == null ? "" : privateMetadata);
    ObjectNode state = view.putObject("state").putObject("values");
    values.forEach((block, value) -> state.putObject(block).set("value", value));
    return send(FORM, "payload=" + enc(payload.toString()));
  }

  /** An Events API callback carrying {@code event}, with Slack's event id. */
  Response event(String eventId, ObjectNode event) throws Exception {
    ObjectNode body = FakeSlackApi.JSON.createObjectNode();
    body.put("token", "t").put("team_id", "T1").put("api_app_id", "A1");
    body.set("event", event);
    body.put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000000);
    return send("application/json", body.toString());
  }

  Response send(String contentType, String body) throws Exception {
    return app.run(parser.parse(SlackRequestParser.HttpRequest.builder()
        .requestUri("/slack/events")
        .queryString(Map.of())
        .requestBody(body)
        .headers(new RequestHeaders(Map.of("content-type", List.of(contentType))))
        .remoteAddress("127.0.0.1")
        .build()));
  }

  private ObjectNode interaction(String type, String user) {
    ObjectNode payload = FakeSlackApi.JSON.createObjectNode();
    payload.put("type", type).put("token", "t").put("api_app_id", "A1")
        .put("trigger_id", "trigger-" + (++triggers));
    payload.putObject("team").put("id", "T1").put("domain", "acme");
    payload.putObject("user").put("id", user).put("username", user.toLowerCase())
        .put("team_id", "T1");
    return payload;
  }

  // the values of a modal's input blocks, as Slack reports them

  static JsonNode text(String value) {
    return FakeSlackApi.JSON.createObjectNode().put("type", "plain_text_input")
        .put("value", value);
  }

  static JsonNode selected(String value) {
    ObjectNode node = FakeSlackApi.JSON.createObjectNode().put("type", "static_select");
    node.putObject("selected_option").put("value", value)
        .putObject("text").put("type", "plain_text").put("text", value);
    return node;
  }

  static JsonNode user(String id) {
    return FakeSlackApi.JSON.createObjectNode().put("type", "users_select")
        .put("selected_user", id);
  }

  static JsonNode checked(String value) {
    ObjectNode node = FakeSlackApi.JSON.createObjectNode().put("type", "checkboxes");
    node.putArray("selected_options").addObject().put("value", value)
        .putObject("text").put("type", "plain_text").put("text", value);
    return node;
  }

  /** The JSON body Bolt answers Slack with. */
  static JsonNode json(Response response) {
    return FakeSlackApi.read(response.getBody());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    slack.close();
  }
}

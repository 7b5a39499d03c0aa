package dev.firebreak.activities.slack;

import dev.firebreak.workflows.slack.IncidentChannel;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Slack's state in PostgreSQL: incident channels, posted messages, handled deliveries, and the
 * mirror of Slack's users, user groups and conversations with their tags and categories.
 */
@Repository
public class SlackStore {

  /** The conversation and user group tags Firebreak understands. */
  public static final List<String> TAGS =
      List.of("tech_incidents", "dev_firefighter", "it_deploy", "invited_for_all_public_p1");

  public record User(String id, String name, String realName, String email, boolean deleted,
      boolean bot) {}

  private final JdbcClient jdbc;

  public SlackStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // incident channels

  public Optional<IncidentChannel> channelOf(long incidentId) {
    return jdbc.sql("SELECT channel_id, name, private FROM slack_incident_channel"
            + " WHERE incident_id = :id")
        .param("id", incidentId)
        .query((rs, n) -> new IncidentChannel(rs.getString("channel_id"), rs.getString("name"),
            rs.getBoolean("private")))
        .optional();
  }

  public Optional<Long> incidentOfChannel(String channelId) {
    return jdbc.sql("SELECT incident_id FROM slack_incident_channel WHERE channel_id = :c")
        .param("c", channelId)
        .query(Long.class)
        .optional();
  }

  public void saveChannel(long incidentId, IncidentChannel channel) {
    jdbc.sql("INSERT INTO slack_incident_channel (incident_id, channel_id, name, private)"
            + " VALUES (:id, :c, :n, :p) ON CONFLICT (incident_id) DO NOTHING")
        .param("id", incidentId)
        .param("c", channel.channelId())
        .param("n", channel.name())
        .param("p", channel.privateChannel())
        .update();
  }

  // openers

  public void opened(long incidentId, String slackUserId) {
    jdbc.sql("INSERT INTO slack_incident_opener (incident_id, slack_user_id) VALUES (:id, :u)"
            + " ON CONFLICT (incident_id) DO NOTHING")
        .param("id", incidentId).param("u", slackUserId).update();
  }

  public Optional<String> openerOf(long incidentId) {
    return jdbc.sql("SELECT slack_user_id FROM slack_incident_opener WHERE incident_id = :id")
        .param("id", incidentId).query(String.class).optional();
  }

  // posted messages

  public Optional<String> postedTs(String key) {
    return jdbc.sql("SELECT ts FROM slack_message WHERE key = :k").param("k", key)
        .query(String.class).optional();
  }

  public void posted(String key, String channelId, String ts) {
    jdbc.sql("INSERT INTO slack_message (key, channel_id, ts) VALUES (:k, :c, :t)"
            + " ON CONFLICT (key) DO NOTHING")
        .param("k", key).param("c", channelId).param("t", ts).update();
  }

  // deliveries

  /** True the first time {@code id} is seen; false for a retry of something already handled. */
  public boolean firstDelivery(String id) {
    return jdbc.sql("INSERT INTO slack_delivery (id) VALUES (:id) ON CONFLICT (id) DO NOTHING")
        .param("id", id).update() == 1;
  }

  /** Forgets a delivery whose handling failed, so that Slack's retry is handled. */
  public void forgetDelivery(String id) {
    jdbc.sql("DELETE FROM slack_delivery WHERE id = :id").param("id", id).update();
  }

  // user groups and conversations

  public List<SlackGroup> usergroups() {
    return jdbc.sql("SELECT usergroup_id AS id, coalesce(handle, name) AS name, FALSE AS private,"
            + " tag, categories, members, managed FROM slack_usergroup ORDER BY usergroup_id")
        .query(SlackStore::group).list();
  }

  public Optional<SlackGroup> usergroup(String id) {
    return jdbc.sql("SELECT usergroup_id AS id, coalesce(handle, name) AS name, FALSE AS private,"
            + " tag, categories, members, managed FROM slack_usergroup WHERE usergroup_id = :id")
        .param("id", id).query(SlackStore::group).optional();
  }

  public List<SlackGroup> conversations(String tag) {
    return jdbc.sql("SELECT channel_id AS id, name, private, tag, categories, members, managed"
            + " FROM slack_conversation WHERE (CAST(:tag AS VARCHAR) IS NULL OR tag = :tag)"
            + " AND NOT archived ORDER BY channel_id")
        .param("tag", tag).query(SlackStore::group).list();
  }

  public Optional<SlackGroup> conversation(String id) {
    return jdbc.sql("SELECT channel_id AS id, name, private, tag, categories, members, managed"
            + " FROM slack_conversation WHERE channel_id = :id")
        .param("id", id).query(SlackStore::group).optional();
  }

  public List<SlackGroup> usergroupsTagged(String tag) {
    return usergroups().stream().filter(g -> tag.equals(g.tag())).toList();
  }

  public List<SlackGroup> usergroupsOfCategory(String category) {
    return usergroups().stream().filter(g -> g.categories().contains(category)).toList();
  }

  public List<SlackGroup> conversationsOfCategory(String category) {
    return conversations(null).stream().filter(g -> g.categories().contains(category)).toList();
  }

  /** Firebreak's settings for a user group (added through the API: managed). */
  public void configureUsergroup(String id, String handle, String name, String tag,
      List<String> categories, List<String> members) {
    jdbc.sql("INSERT INTO slack_usergroup (usergroup_id, handle, name, tag, categories, members,"
            + " managed, synced_at) VALUES (:id, :handle, :name, :tag, :categories, :members,"
            + " TRUE, now()) ON CONFLICT (usergroup_id) DO UPDATE SET handle = EXCLUDED.handle,"
            + " name = EXCLUDED.name, tag = EXCLUDED.tag, categories = EXCLUDED.categories,"
            + " members = EXCLUDED.members, managed = TRUE, synced_at = now()")
        .param("id", id).param("handle", handle).param("name", name).param("tag", tag)
        .param("categories", array(categories)).param("members", array(members))
        .update();
  }

  public void configureConversation(String id, String name, boolean privateChannel, String tag,
      List<String> categories) {
    jdbc.sql("INSERT INTO slack_conversation (channel_id, name, private, tag, categories, managed,"
            + " synced_at) VALUES (:id, :name, :private, :tag, :categories, TRUE, now())"
            + " ON CONFLICT (channel_id) DO UPDATE SET name = EXCLUDED.name,"
            + " private = EXCLUDED.private, tag = EXCLUDED.tag, categories = EXCLUDED.categories,"
            + " managed = TRUE")
        .param("id", id).param("name", name).param("private", privateChannel).param("tag", tag)
        .param("categories", array(categories))
        .update();
  }

  public boolean unmanageUsergroup(String id) {
    return jdbc.sql("UPDATE slack_usergroup SET tag = NULL, categories = '{}', managed = FALSE"
        + " WHERE usergroup_id = :id AND managed").param("id", id).update() == 1;
  }

  public boolean unmanageConversation(String id) {
    return jdbc.sql("UPDATE slack_conversation SET tag = NULL, categories = '{}', managed = FALSE"
        + " WHERE channel_id = :id AND managed").param("id", id).update() == 1;
  }

  // sync: Slack's facts, never Firebreak's settings

  public void syncUser(User user) {
    jdbc.sql("INSERT INTO slack_user (user_id, name, real_name, email, deleted, bot, synced_at)"
            + " VALUES (:id, :name, :realName, :email, :deleted, :bot, now())"
            + " ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name,"
            + " real_name = EXCLUDED.real_name, email = EXCLUDED.email,"
            + " deleted = EXCLUDED.deleted, bot = EXCLUDED.bot, synced_at = now()")
        .param("id", user.id()).param("name", user.name()).param("realName", user.realName())
        .param("email", user.email()).param("deleted", user.deleted()).param("bot", user.bot())
        .update();
  }

  public Optional<User> user(String id) {
    return jdbc.sql("SELECT user_id, name, real_name, email, deleted, bot FROM slack_user"
            + " WHERE user_id = :id").param("id", id)
        .query((rs, n) -> new User(rs.getString("user_id"), rs.getString("name"),
            rs.getString("real_name"), rs.getString("email"), rs.getBoolean("deleted"),
            rs.getBoolean("bot")))
        .optional();
  }

  public void syncUsergroup(String id, String handle, String name, List<String> members) {
    jdbc.sql("INSERT INTO slack_usergroup (usergroup_id, handle, name, members, synced_at)"
            + " VALUES (:id, :handle, :name, :members, now()) ON CONFLICT (usergroup_id) DO UPDATE"
            + " SET handle = EXCLUDED.handle, name = EXCLUDED.name, members = EXCLUDED.members,"
            + " synced_at = now()")
        .param("id", id).param("handle", handle).param("name", name)
        .param("members", array(members)).update();
  }

  public void syncConversation(String id, String name, boolean privateChannel, boolean archived,
      List<String> members) {
    jdbc.sql("INSERT INTO slack_conversation (channel_id, name, private, archived, members,"
            + " synced_at) VALUES (:id, :name, :private, :archived, :members, now())"
            + " ON CONFLICT (channel_id) DO UPDATE SET name = EXCLUDED.name,"
            + " private = EXCLUDED.private, archived = EXCLUDED.archived,"
            + " members = EXCLUDED.members, synced_at = now()")
        .param("id", id).param("name", name).param("private", privateChannel)
        .param("archived", archived).param("members", array(members)).update();
  }

  private static String[] array(List<String> values) {
    return values == null ? new String[0] : values.toArray(String[]::new);
  }

  private static SlackGroup group(ResultSet rs, int n) throws SQLException {
    return new SlackGroup(rs.getString("id"), rs.getString("name"), rs.getBoolean("private"),
        rs.getString("tag"), list(rs.getArray("categories")), list(rs.getArray("members")),
        rs.getBoolean("managed"));
  }

  private static List<String> list(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}

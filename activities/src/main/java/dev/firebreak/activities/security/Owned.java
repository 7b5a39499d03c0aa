package dev.firebreak.activities.security;

/**
 * The kinds of configuration that belong to a team, each with how to find its team and how to
 * read its row whole for the audit log. Receive channels, heartbeats, routing rules and overrides
 * belong to the team of their service or schedule.
 */
public enum Owned {
  SERVICE("SELECT team_id FROM service WHERE id = :id",
      "SELECT row_to_json(t)::text FROM service t WHERE id = :id"),
  ROUTING_RULES("SELECT team_id FROM service WHERE id = :id",
      "SELECT coalesce(json_agg(r ORDER BY position), '[]')::text FROM routing_rule r"
          + " WHERE service_id = :id"),
  RECEIVE_CHANNEL("SELECT s.team_id FROM receive_channel c JOIN service s ON s.id = c.service_id"
      + " WHERE c.id = :id", "SELECT row_to_json(t)::text FROM receive_channel t WHERE id = :id"),
  HEARTBEAT("SELECT s.team_id FROM heartbeat_monitor h JOIN service s ON s.id = h.service_id"
      + " WHERE h.id = :id", "SELECT row_to_json(t)::text FROM heartbeat_monitor t WHERE id = :id"),
  SCHEDULE("SELECT team_id FROM schedule WHERE id = :id",
      "SELECT row_to_json(t)::text FROM schedule t WHERE id = :id"),
  ESCALATION_POLICY("SELECT team_id FROM escalation_policy WHERE id = :id",
      "SELECT row_to_json(t)::text FROM escalation_policy t WHERE id = :id"),
  TEAM("SELECT id FROM team WHERE id = :id",
      "SELECT (row_to_json(t)::jsonb || jsonb_build_object("
          + "'members', (SELECT coalesce(jsonb_agg(user_id ORDER BY user_id), '[]') FROM team_member"
          + " WHERE team_id = t.id), 'managers', (SELECT coalesce(jsonb_agg(user_id ORDER BY"
          + " user_id), '[]') FROM team_manager WHERE team_id = t.id)))::text FROM team t"
          + " WHERE id = :id"),
  USER(null, "SELECT (row_to_json(t)::jsonb - 'password_hash')::text FROM app_user t"
      + " WHERE id = :id");

  final String teamQuery;
  final String rowQuery;

  Owned(String teamQuery, String rowQuery) {
    this.teamQuery = teamQuery;
    this.rowQuery = rowQuery;
  }
}

package dev.firebreak.api.security;

import static dev.firebreak.api.security.Rule.admin;
import static dev.firebreak.api.security.Rule.anyone;
import static dev.firebreak.api.security.Rule.bodyService;
import static dev.firebreak.api.security.Rule.bodyTeam;
import static dev.firebreak.api.security.Rule.openRoute;
import static dev.firebreak.api.security.Rule.responder;
import static dev.firebreak.api.security.Rule.selfOrAdmin;
import static dev.firebreak.api.security.Rule.team;

import dev.firebreak.activities.security.Owned;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every route of the API and who may call it, in one table. A route missing here is for admins
 * only until a rule is written (see {@link #UNLISTED}); the access table test walks the OpenAPI
 * document and fails on such a route.
 *
 * <p>Reads are open to anyone logged in (secrets are masked by {@link SecretMasking}); incident
 * work needs a responder; escalation is anyone's (FireFighter's promise); configuration belongs to
 * the team of its service, schedule or policy, whose managers and admins change it; the
 * directory's people and teams and the integrations' switches are for admins.
 */
public final class AccessRules {

  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    // signals: authenticated by their key or signature, as before
    rule("POST /v2/enqueue", openRoute());
    rule("POST /api/v1/integrations/alertmanager/{key}", openRoute());
    rule("POST /api/v1/webhooks/{key}", openRoute());
    rule("GET /api/v1/heartbeats/{key}/ping", openRoute());
    rule("POST /api/v1/heartbeats/{key}/ping", openRoute());
    rule("POST /slack/events", openRoute());
    rule("POST /api/v1/twilio/sms", openRoute()); // X-Twilio-Signature
    rule("POST /api/v1/twilio/voice", openRoute());
    rule("POST /api/v1/twilio/status", openRoute());
    rule("GET /api/v1/notify/email/act", openRoute()); // a signed, expiring link
    rule("POST /api/v1/notify/email/act", openRoute());
    // calendar feeds: a calendar client sends no login; the feed checks its own secret token
    rule("GET /api/v1/schedules/{id}/calendar.ics", openRoute());
    rule("GET /api/v1/users/{id}/oncall.ics", openRoute());

    // logging in and out, tokens, audit
    rule("POST /api/v1/session", openRoute());
    rule("GET /api/v1/session", openRoute());
    rule("DELETE /api/v1/session", anyone());
    rule("POST /api/v1/api-tokens", anyone()); // the controller caps role and team
    rule("GET /api/v1/api-tokens", anyone()); // the controller shows admins all, others theirs
    rule("DELETE /api/v1/api-tokens/{id}", anyone()); // the controller: its owner or an admin
    rule("GET /api/v1/audit", admin());

    // incidents: read by all, worked by responders, escalated by anyone
    rule("GET /api/v1/incidents", anyone());
    rule("GET /api/v1/incidents/{id}", anyone());
    rule("POST /api/v1/incidents", responder());
    rule("PATCH /api/v1/incidents/{id}", responder());
    rule("POST /api/v1/incidents/{id}/status", responder());
    rule("POST /api/v1/incidents/{id}/updates", responder());
    rule("PUT /api/v1/incidents/{id}/roles", responder());
    rule("PUT /api/v1/incidents/{id}/key-events", responder());
    rule("POST /api/v1/incidents/{id}/acknowledge", responder());
    rule("POST /api/v1/incidents/{id}/escalate", anyone());
    rule("GET /api/v1/incidents/{id}/escalations", anyone());
    rule("GET /api/v1/incidents/{id}/escalation", anyone()); // what happens next
    rule("GET /api/v1/incidents/{id}/notifications", anyone());
    rule("GET /api/v1/alerts", anyone());
    rule("GET /api/v1/alerts/{id}", anyone());
    rule("GET /api/v1/alerts/quarantined", anyone());
    rule("GET /api/v1/suppressed-events", anyone());
    rule("GET /api/v1/analytics/incidents", anyone());
    rule("GET /api/v1/meta", anyone());

    // the directory: people and teams
    rule("GET /api/v1/users", anyone());
    rule("GET /api/v1/users/{id}", anyone());
    rule("POST /api/v1/users", admin().about(Owned.USER, null));
    // admins only: email and Slack id decide whose OIDC login and Slack role this account gets
    rule("PUT /api/v1/users/{id}", admin().about(Owned.USER, "id"));
    rule("DELETE /api/v1/users/{id}", admin().about(Owned.USER, "id"));
    rule("PUT /api/v1/users/{id}/role", admin().about(Owned.USER, "id"));
    rule("PUT /api/v1/users/{id}/password", selfOrAdmin("id").unaudited());
    // how a user is reached: numbers and addresses are theirs, shown to them and admins only
    for (String route : List.of("GET /api/v1/users/{userId}/contact-methods",
        "POST /api/v1/users/{userId}/contact-methods",
        "GET /api/v1/users/{userId}/contact-methods/{id}",
        "PUT /api/v1/users/{userId}/contact-methods/{id}",
        "DELETE /api/v1/users/{userId}/contact-methods/{id}",
        "POST /api/v1/users/{userId}/contact-methods/{id}/send-code",
        "POST /api/v1/users/{userId}/contact-methods/{id}/verify",
        "GET /api/v1/users/{userId}/notification-rules",
        "POST /api/v1/users/{userId}/notification-rules",
        "PUT /api/v1/users/{userId}/notification-rules/{id}",
        "DELETE /api/v1/users/{userId}/notification-rules/{id}")) {
      rule(route, selfOrAdmin("userId"));
    }
    rule("GET /api/v1/teams", anyone());
    rule("GET /api/v1/teams/{id}", anyone());
    rule("POST /api/v1/teams", admin().about(Owned.TEAM, null));
    rule("PUT /api/v1/teams/{id}", team(Owned.TEAM, "id"));
    rule("DELETE /api/v1/teams/{id}", admin().about(Owned.TEAM, "id"));
    rule("POST /api/v1/teams/{id}/members", team(Owned.TEAM, "id"));
    rule("DELETE /api/v1/teams/{id}/members/{userId}", team(Owned.TEAM, "id"));
    rule("PUT /api/v1/teams/{id}/members/{userId}/role", team(Owned.TEAM, "id"));

    // a team's configuration: services and what hangs off them
    rule("GET /api/v1/services", anyone());
    rule("GET /api/v1/services/{id}", anyone());
    rule("POST /api/v1/services", bodyTeam("teamId", Owned.SERVICE));
    rule("PUT /api/v1/services/{id}",
        team(Owned.SERVICE, "id").and(bodyTeam("teamId", Owned.SERVICE)));
    rule("DELETE /api/v1/services/{id}", team(Owned.SERVICE, "id"));
    rule("POST /api/v1/services/{id}/integration-key", team(Owned.SERVICE, "id"));
    rule("GET /api/v1/services/{id}/maintenance", anyone());
    rule("POST /api/v1/services/{id}/maintenance", team(Owned.SERVICE, "id"));
    rule("GET /api/v1/services/{serviceId}/routing-rules", anyone());
    rule("PUT /api/v1/services/{serviceId}/routing-rules", team(Owned.ROUTING_RULES, "serviceId"));
    rule("GET /api/v1/receive-channels", anyone());
    rule("GET /api/v1/receive-channels/{id}", anyone());
    rule("POST /api/v1/receive-channels", bodyService("serviceId", Owned.RECEIVE_CHANNEL));
    rule("DELETE /api/v1/receive-channels/{id}", team(Owned.RECEIVE_CHANNEL, "id"));
    rule("POST /api/v1/receive-channels/{id}/key", team(Owned.RECEIVE_CHANNEL, "id"));
    rule("POST /api/v1/receive-channels/{id}/preview", anyone()); // a dry run: changes nothing
    rule("GET /api/v1/heartbeats", anyone());
    rule("GET /api/v1/heartbeats/{id}", anyone());
    rule("POST /api/v1/heartbeats", bodyService("serviceId", Owned.HEARTBEAT));
    rule("POST /api/v1/heartbeats/{id}/mute", team(Owned.HEARTBEAT, "id"));
    rule("DELETE /api/v1/heartbeats/{id}", team(Owned.HEARTBEAT, "id"));

    // on-call: anyone sees who is on call; a team's managers change its schedules and policies
    rule("GET /api/v1/schedules", anyone());
    rule("GET /api/v1/schedules/{id}", anyone());
    rule("GET /api/v1/schedules/{id}/oncall", anyone());
    rule("GET /api/v1/schedules/{id}/shifts", anyone());
    rule("GET /api/v1/schedules/{id}/overrides", anyone());
    rule("POST /api/v1/schedules", bodyTeam("teamId", Owned.SCHEDULE));
    rule("PUT /api/v1/schedules/{id}", team(Owned.SCHEDULE, "id"));
    rule("DELETE /api/v1/schedules/{id}", team(Owned.SCHEDULE, "id"));
    rule("POST /api/v1/schedules/{id}/overrides", team(Owned.SCHEDULE, "id").orSelfInBody("userId"));
    rule("DELETE /api/v1/schedules/{id}/overrides/{overrideId}", team(Owned.SCHEDULE, "id"));
    rule("DELETE /api/v1/schedules/{id}/calendar-token", team(Owned.SCHEDULE, "id"));
    rule("GET /api/v1/schedules/{id}/shift-requests", anyone());
    rule("POST /api/v1/schedules/{id}/shift-requests",
        team(Owned.SCHEDULE, "id").orSelfInBody("userId"));
    rule("POST /api/v1/schedules/{id}/shift-requests/{requestId}/take",
        team(Owned.SCHEDULE, "id").orSelfInBody("userId"));
    rule("DELETE /api/v1/users/{id}/calendar-token", selfOrAdmin("id"));
    rule("GET /api/v1/escalation-policies", anyone());
    rule("GET /api/v1/escalation-policies/{id}", anyone());
    rule("POST /api/v1/escalation-policies", bodyTeam("teamId", Owned.ESCALATION_POLICY));
    rule("PUT /api/v1/escalation-policies/{id}", team(Owned.ESCALATION_POLICY, "id"));
    rule("DELETE /api/v1/escalation-policies/{id}", team(Owned.ESCALATION_POLICY, "id"));
    rule("POST /api/v1/escalation-policies/{id}/simulate", anyone()); // a dry run

    // integrations: switches for admins, their views for all
    rule("POST /api/v1/syncs/pagerduty", admin());
    rule("POST /api/v1/syncs/confluence-oncall", admin());
    rule("GET /api/v1/pagerduty/oncall", anyone());
    rule("GET /api/v1/slack/conversations", anyone());
    rule("PUT /api/v1/slack/conversations/{channelId}", admin());
    rule("DELETE /api/v1/slack/conversations/{channelId}", admin());
    rule("GET /api/v1/slack/usergroups", anyone());
    rule("PUT /api/v1/slack/usergroups/{usergroupId}", admin());
    rule("DELETE /api/v1/slack/usergroups/{usergroupId}", admin());
    rule("POST /api/v1/slack/sync", admin());
  }

  /**
   * The rule of a route not in the table: admins only, so that a new route is never open by
   * mistake, yet automation with the admin token keeps working until its rule is written.
   */
  static final Rule UNLISTED = new Rule((c, r) -> c.admin() ? null
      : "no access rule for " + r.key + " yet: only admins may call it", false, null, null, true);

  private AccessRules() {}

  private static void rule(String route, Rule rule) {
    if (RULES.put(route, rule) != null) {
      throw new IllegalStateException("two rules for " + route);
    }
  }

  /** The rule of {@code "METHOD /pattern"}, the pattern as the OpenAPI document writes it. */
  static Optional<Rule> of(String method, String pattern) {
    return Optional.ofNullable(RULES.get(method + " " + plain(pattern)));
  }

  /** Every route with a rule, as {@code "METHOD /pattern"}: for the access table test. */
  public static java.util.Set<String> routes() {
    return java.util.Collections.unmodifiableSet(RULES.keySet());
  }

  /** {@code /heartbeats/{id:\d+}} as {@code /heartbeats/{id}}: drops a variable's regex. */
  static String plain(String pattern) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean inRegex = false;
    for (char ch : pattern.toCharArray()) {
      if (ch == '{') {
        depth++;
        if (depth == 1) {
          out.append(ch);
          inRegex = false;
          continue;
        }
      } else if (ch == '}') {
        depth--;
        if (depth == 0) {
          out.append(ch);
          inRegex = false;
          continue;
        }
      } else if (ch == ':' && depth == 1) {
        inRegex = true;
        continue;
      }
      if (!inRegex) {
        out.append(ch);
      }
    }
    return out.toString();
  }
}

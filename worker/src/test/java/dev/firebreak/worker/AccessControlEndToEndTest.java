package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import dev.firebreak.api.security.AccessRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Access control over HTTP, as people and tools meet it: every route of the OpenAPI document
 * checked as six kinds of caller, a token's role and team limits, brute force on passwords, the
 * audit log, secrets shown only to those who may change them.
 */
class AccessControlEndToEndTest extends EndToEndTest {

  static final String PASSWORD = "correct horse battery staple";
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  /** The callers of the table test, in the order each route is tried. */
  enum Persona { ANONYMOUS, OBSERVER, RESPONDER, OTHER_TEAM_MANAGER, TEAM_MANAGER, ADMIN }

  /**
   * Who may call a route, as the README's access-control section promises it. Each route of the
   * OpenAPI document must be listed here: a route added later without a rule fails the test.
   */
  enum Expect {
    /** anyone, even anonymous: the route checks its own key or signature */
    OPEN,
    /** anyone logged in */
    ANYONE,
    /** responders (any team) and admins */
    RESPONDER,
    /** the managers of the team that owns the thing (or the user themselves), and admins */
    TEAM,
    /** admins only */
    ADMIN;

    boolean allows(Persona p) {
      return switch (this) {
        case OPEN -> true;
        case ANYONE -> p != Persona.ANONYMOUS;
        case RESPONDER -> p.ordinal() >= Persona.RESPONDER.ordinal();
        case TEAM -> p == Persona.TEAM_MANAGER || p == Persona.ADMIN;
        case ADMIN -> p == Persona.ADMIN;
      };
    }
  }

  static final Map<String, Expect> TABLE = new LinkedHashMap<>();

  static {
    for (String open : List.of("POST /v2/enqueue", "POST /api/v1/integrations/alertmanager/{key}",
        "POST /api/v1/webhooks/{key}", "GET /api/v1/heartbeats/{key}/ping",
        "POST /api/v1/heartbeats/{key}/ping", "POST /slack/events", "POST /api/v1/session",
        "GET /api/v1/session", "POST /api/v1/twilio/sms", "POST /api/v1/twilio/voice",
        "POST /api/v1/twilio/status", "GET /api/v1/notify/email/act",
        "POST /api/v1/notify/email/act", "GET /api/v1/schedules/{id}/calendar.ics",
        "GET /api/v1/users/{id}/oncall.ics")) {
      TABLE.put(open, Expect.OPEN);
    }
    for (String read : List.of("GET /api/v1/incidents", "GET /api/v1/incidents/{id}",
        "POST /api/v1/incidents/{id}/escalate", "GET /api/v1/incidents/{id}/escalations",
        "GET /api/v1/incidents/{id}/escalation",
        "GET /api/v1/incidents/{id}/notifications",
        "GET /api/v1/alerts", "GET /api/v1/alerts/{id}", "GET /api/v1/alerts/quarantined",
        "GET /api/v1/suppressed-events",
        "GET /api/v1/analytics/incidents", "GET /api/v1/meta", "GET /api/v1/users",
        "GET /api/v1/users/{id}", "GET /api/v1/teams", "GET /api/v1/teams/{id}",
        "GET /api/v1/services", "GET /api/v1/services/{id}",
        "GET /api/v1/services/{id}/maintenance",
        "GET /api/v1/services/{serviceId}/routing-rules", "GET /api/v1/receive-channels",
        "GET /api/v1/receive-channels/{id}", "POST /api/v1/receive-channels/{id}/preview",
        "GET /api/v1/heartbeats", "GET /api/v1/heartbeats/{id}", "GET /api/v1/schedules",
        "GET /api/v1/schedules/{id}", "GET /api/v1/schedules/{id}/oncall",
        "GET /api/v1/schedules/{id}/shifts", "GET /api/v1/schedules/{id}/overrides",
        "GET /api/v1/schedules/{id}/shift-requests",
        "GET /api/v1/escalation-policies", "GET /api/v1/escalation-policies/{id}",
        "POST /api/v1/escalation-policies/{id}/simulate", "GET /api/v1/pagerduty/oncall",
        "GET /api/v1/slack/conversations", "GET /api/v1/slack/usergroups",
        "POST /api/v1/api-tokens", "GET /api/v1/api-tokens", "DELETE /api/v1/session")) {
      TABLE.put(read, Expect.ANYONE);
    }
    for (String work : List.of("POST /api/v1/incidents", "PATCH /api/v1/incidents/{id}",
        "POST /api/v1/incidents/{id}/status", "POST /api/v1/incidents/{id}/updates",
        "PUT /api/v1/incidents/{id}/roles", "PUT /api/v1/incidents/{id}/key-events",
        "POST /api/v1/incidents/{id}/acknowledge")) {
      TABLE.put(work, Expect.RESPONDER);
    }
    for (String team : List.of("PUT /api/v1/users/{id}/password",
        "PUT /api/v1/teams/{id}", "POST /api/v1/teams/{id}/members",
        "DELETE /api/v1/teams/{id}/members/{userId}",
        "PUT /api/v1/teams/{id}/members/{userId}/role", "POST /api/v1/services",
        "PUT /api/v1/services/{id}", "DELETE /api/v1/services/{id}",
        "POST /api/v1/services/{id}/integration-key", "POST /api/v1/services/{id}/maintenance",
        "PUT /api/v1/services/{serviceId}/routing-rules", "POST /api/v1/receive-channels",
        "DELETE /api/v1/receive-channels/{id}", "POST /api/v1/receive-channels/{id}/key",
        "POST /api/v1/heartbeats", "POST /api/v1/heartbeats/{id}/mute",
        "DELETE /api/v1/heartbeats/{id}", "POST /api/v1/schedules", "PUT /api/v1/schedules/{id}",
        "DELETE /api/v1/schedules/{id}", "POST /api/v1/schedules/{id}/overrides",
        "DELETE /api/v1/schedules/{id}/overrides/{overrideId}",
        "DELETE /api/v1/schedules/{id}/calendar-token",
        "POST /api/v1/schedules/{id}/shift-requests",
        "POST /api/v1/schedules/{id}/shift-requests/{requestId}/take",
        "POST /api/v1/escalation-policies", "PUT /api/v1/escalation-policies/{id}",
        "DELETE /api/v1/escalation-policies/{id}",
        "GET /api/v1/users/{userId}/contact-methods", "POST /api/v1/users/{userId}/contact-methods",
        "GET /api/v1/users/{userId}/contact-methods/{id}",
        "PUT /api/v1/users/{userId}/contact-methods/{id}",
        "DELETE /api/v1/users/{userId}/contact-methods/{id}",
        "POST /api/v1/users/{userId}/contact-methods/{id}/send-code",
        "POST /api/v1/users/{userId}/contact-methods/{id}/verify",
        "GET /api/v1/users/{userId}/notification-rules",
        "POST /api/v1/users/{userId}/notification-rules",
        "PUT /api/v1/users/{userId}/notification-rules/{id}",
        "DELETE /api/v1/users/{userId}/notification-rules/{id}")) {
      TABLE.put(team, Expect.TEAM);
    }
    for (String admin : List.of("GET /api/v1/audit", "POST /api/v1/users", "PUT /api/v1/users/{id}",
        "DELETE /api/v1/users/{id}", "PUT /api/v1/users/{id}/role", "POST /api/v1/teams",
        "DELETE /api/v1/teams/{id}", "POST /api/v1/syncs/pagerduty",
        "POST /api/v1/syncs/confluence-oncall", "PUT /api/v1/slack/conversations/{channelId}",
        "DELETE /api/v1/slack/conversations/{channelId}",
        "PUT /api/v1/slack/usergroups/{usergroupId}",
        "DELETE /api/v1/slack/usergroups/{usergroupId}", "POST /api/v1/slack/sync",
        "DELETE /api/v1/api-tokens/{id}", "DELETE /api/v1/users/{id}/calendar-token")) {
      TABLE.put(admin, Expect.ADMIN);
    }
  }

  /** Users, teams and configuration the tests act on; made once per run by the admin. */
  record World(String tag, long observer, long responder, long other, long manager, long spareUser,
      long teamA, long teamB, long serviceA, long serviceB, long channelA, long heartbeatA,
      long scheduleA, long policyA, long overrideA, long incident, long adminsToken) {}

  /** The world the table test changes (it deletes things), and one the other tests share. */
  static World tableWorld;
  static World world;

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void world() {
    if (world == null) {
      tableWorld = build("t");
      world = build("w");
    }
  }

  private long user(String name, String role) {
    long id = create("/api/v1/users",
        "{\"name\":\"" + name + "\",\"email\":\"" + name + "@access.test\"}");
    assertThat(http.put("/api/v1/users/" + id + "/role", "{\"role\":\"" + role + "\"}").status())
        .isEqualTo(200);
    assertThat(http.put("/api/v1/users/" + id + "/password",
        "{\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(204);
    return id;
  }

  /** The email of a persona of a world: {@code manager-w-1a2b3c4d@access.test}. */
  static String email(String name, World w) {
    return name + "-" + w.tag() + "@access.test";
  }

  private World build(String world) {
    String tag = world + "-" + RUN;
    long observer = user("observer-" + tag, "observer");
    long responder = user("responder-" + tag, "responder");
    long other = user("other-" + tag, "responder");
    long manager = user("manager-" + tag, "responder");
    long spare = create("/api/v1/users",
        "{\"name\":\"spare\",\"email\":\"spare-" + tag + "@access.test\"}");
    long teamA = create("/api/v1/teams", "{\"name\":\"A " + tag + "\",\"members\":[" + manager + "]}");
    long teamB = create("/api/v1/teams", "{\"name\":\"B " + tag + "\",\"members\":[" + other + "]}");
    assertThat(http.put("/api/v1/teams/" + teamA + "/members/" + manager + "/role",
        "{\"role\":\"manager\"}").status()).isEqualTo(200);
    assertThat(http.put("/api/v1/teams/" + teamB + "/members/" + other + "/role",
        "{\"role\":\"manager\"}").status()).isEqualTo(200);
    long serviceA = create("/api/v1/services",
        "{\"name\":\"A svc " + tag + "\",\"teamId\":" + teamA + "}");
    long serviceB = create("/api/v1/services",
        "{\"name\":\"B svc " + tag + "\",\"teamId\":" + teamB + "}");
    long channelA = create("/api/v1/receive-channels", "{\"name\":\"am\",\"type\":\"alertmanager\","
        + "\"serviceId\":" + serviceA + "}");
    long heartbeatA = create("/api/v1/heartbeats", "{\"name\":\"hb\",\"serviceId\":" + serviceA
        + ",\"intervalSeconds\":3600,\"graceSeconds\":600}");
    long scheduleA = create("/api/v1/schedules", """
        {"name": "A sched %s", "timeZone": "UTC", "teamId": %d,
         "layers": [{"name": "weekly", "start": "2026-11-02T09:00:00", "rotation": "weekly",
                     "users": [%d]}]}""".formatted(tag, teamA, manager));
    long policyA = create("/api/v1/escalation-policies", """
        {"name": "A policy %s", "teamId": %d, "steps": [{"delayMinutes": 5,
         "targets": [{"type": "user", "id": %d}]}]}""".formatted(tag, teamA, manager));
    long overrideA = create("/api/v1/schedules/" + scheduleA + "/overrides", """
        {"userId": %d, "start": "2026-11-02T17:00:00Z", "end": "2026-11-02T19:00:00Z"}"""
        .formatted(manager));
    long incident = create("/api/v1/incidents", "{\"title\":\"Access " + tag + "\"}");
    long adminsToken = create("/api/v1/api-tokens", "{\"name\":\"admin's\",\"role\":\"observer\"}");
    return new World(tag, observer, responder, other, manager, spare, teamA, teamB, serviceA,
        serviceB, channelA, heartbeatA, scheduleA, policyA, overrideA, incident, adminsToken);
  }

  /** A client acting as the persona: sessions for people, the admin token for the admin. */
  Http as(Persona persona, World w) {
    return switch (persona) {
      case ANONYMOUS -> Http.anonymous(port);
      case ADMIN -> new Http(port);
      case OBSERVER -> loggedIn(email("observer", w));
      case RESPONDER -> loggedIn(email("responder", w));
      case OTHER_TEAM_MANAGER -> loggedIn(email("other", w));
      case TEAM_MANAGER -> loggedIn(email("manager", w));
    };
  }

  Http loggedIn(String email) {
    Http session = Http.session(port);
    Http.Response login = session.login(email, PASSWORD);
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return session;
  }

  /** Concrete ids for a route's variables: team A's things, the manager themselves. */
  static String fill(String route, World w) {
    String path = route.substring(route.indexOf(' ') + 1);
    String id;
    if (path.startsWith("/api/v1/users/")) {
      id = route.startsWith("DELETE") ? String.valueOf(w.spareUser()) : String.valueOf(w.manager());
    } else if (path.startsWith("/api/v1/teams/")) {
      id = String.valueOf(w.teamA());
    } else if (path.startsWith("/api/v1/services/")) {
      id = String.valueOf(w.serviceA());
    } else if (path.startsWith("/api/v1/receive-channels/")) {
      id = String.valueOf(w.channelA());
    } else if (path.startsWith("/api/v1/heartbeats/")) {
      id = String.valueOf(w.heartbeatA());
    } else if (path.startsWith("/api/v1/schedules/")) {
      id = String.valueOf(w.scheduleA());
    } else if (path.startsWith("/api/v1/escalation-policies/")) {
      id = String.valueOf(w.policyA());
    } else if (path.startsWith("/api/v1/api-tokens/")) {
      id = String.valueOf(w.adminsToken());
    } else {
      id = String.valueOf(w.incident());
    }
    return path.replace("{id}", id).replace("{serviceId}", String.valueOf(w.serviceA()))
        .replace("{userId}", String.valueOf(w.manager()))
        .replace("{overrideId}", String.valueOf(w.overrideA()))
        .replace("{requestId}", "999999")
        .replace("{key}", "0123456789abcdef0123456789abcdef")
        .replace("{channelId}", "C0000ACCESS").replace("{usergroupId}", "S0000ACCESS");
  }

  /** Deletes run last, children before parents, logging out at the very end. */
  static int order(String route) {
    if (!route.startsWith("DELETE")) {
      return 0;
    }
    String path = route.substring(7);
    if (path.equals("/api/v1/session")) {
      return 9;
    }
    if (path.matches("/api/v1/(services|schedules|escalation-policies)/\\{id}")) {
      return 3;
    }
    if (path.matches("/api/v1/teams/\\{id}")) {
      return 4;
    }
    if (path.matches("/api/v1/users/\\{id}")) {
      return 5;
    }
    return path.matches("/api/v1/(receive-channels|heartbeats)/\\{id}") ? 2 : 1;
  }

  static Http.Response call(Http client, String route, World w) {
    String method = route.substring(0, route.indexOf(' '));
    String path = fill(route, w);
    // ids that name team A's things, and team A, so that a body-scoped rule sees them
    String body = "{\"teamId\":" + w.teamA() + ",\"serviceId\":" + w.serviceA()
        + ",\"userId\":" + w.manager() + "}";
    return switch (method) {
      case "GET" -> client.get(path);
      case "POST" -> client.post(path, body);
      case "PUT" -> client.put(path, body);
      case "PATCH" -> client.patch(path, body);
      case "DELETE" -> client.delete(path);
      default -> throw new AssertionError(method);
    };
  }

  static boolean refusedByAccessControl(Http.Response r) {
    return r.status() == 403 || (r.status() == 401 && r.body().contains("log in, or send"));
  }

  @Test
  void everyRouteOfTheOpenApiDocumentIsCheckedForEveryKindOfCaller() {
    JsonNode paths = Http.anonymous(port).get("/v3/api-docs").json().get("paths");
    List<String> routes = new ArrayList<>();
    paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
        routes.add(op.getKey().toUpperCase() + " " + path.getKey());
      }
    }));
    assertThat(routes).as("routes of the OpenAPI document").hasSizeGreaterThan(60);
    assertThat(routes).as("routes without a row in this table: say who may call them")
        .allSatisfy(route -> assertThat(TABLE).containsKey(route));
    assertThat(routes).as("routes without a rule in AccessRules (admins only until written)")
        .allSatisfy(route -> assertThat(AccessRules.routes()).contains(route));
    routes.sort(Comparator.comparingInt(AccessControlEndToEndTest::order));

    Map<Persona, Http> clients = new LinkedHashMap<>();
    for (Persona p : Persona.values()) {
      clients.put(p, as(p, tableWorld));
    }
    List<String> wrong = new ArrayList<>();
    for (String route : routes) {
      Expect expect = TABLE.get(route);
      for (Persona persona : Persona.values()) {
        Http.Response r = call(clients.get(persona), route, tableWorld);
        boolean refused = refusedByAccessControl(r);
        boolean expectedRefusal = !expect.allows(persona);
        if (refused != expectedRefusal) {
          wrong.add(route + " as " + persona + ": " + r.status() + " " + r.body());
        } else if (refused) {
          int status = persona == Persona.ANONYMOUS ? 401 : 403;
          if (r.status() != status || !r.contentType().startsWith("application/problem+json")) {
            wrong.add(route + " as " + persona + ": expected " + status + " problem, got "
                + r.status() + " " + r.contentType());
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aTokensRoleAndTeamLimitsAreRefusedWithAReasonAndChangeNothing() {
    World w = world;
    String serviceB = "/api/v1/services/" + w.serviceB();
    String nameB = http.get(serviceB).json().get("name").asText();
    Http.Response issued = http.post("/api/v1/api-tokens",
        "{\"name\":\"ci for A\",\"role\":\"responder\",\"teamId\":" + w.teamA() + "}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String secret = issued.json().get("token").asText();
    Http teamToken = new Http(port, secret);

    assertProblem(teamToken.put(serviceB, "{\"name\":\"taken over\",\"teamId\":"
        + w.teamA() + "}"), 403, "this token is limited to team " + w.teamA() + "; service "
        + w.serviceB() + " belongs to team " + w.teamB());
    assertThat(http.get(serviceB).json().get("name").asText()).isEqualTo(nameB);
    assertThat(http.get(serviceB).json().get("teamId").asLong()).isEqualTo(w.teamB());
    assertProblem(teamToken.post("/api/v1/users", "{\"name\":\"x\",\"email\":\"x@x.test\"}"),
        403, "only an admin may POST /api/v1/users");
    Http.Response own = teamToken.put("/api/v1/services/" + w.serviceA(),
        "{\"name\":\"A renamed " + w.tag() + "\",\"teamId\":" + w.teamA() + "}");
    assertThat(own.status()).as(own.body()).isEqualTo(200);

    String observerSecret = http.post("/api/v1/api-tokens",
        "{\"name\":\"dashboard\",\"role\":\"observer\"}").json().get("token").asText();
    Http observer = new Http(port, observerSecret);
    String title = "Observer tried " + w.tag();
    assertProblem(observer.post("/api/v1/incidents", "{\"title\":\"" + title + "\"}"), 403,
        "an observer may only read");
    assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE title = :t").param("t", title)
        .query(Long.class).single()).isZero();
    assertThat(observer.get("/api/v1/incidents/" + w.incident()).status()).isEqualTo(200);
    assertProblem(observer.post("/api/v1/api-tokens", "{\"name\":\"up\",\"role\":\"admin\"}"),
        403, "cannot create a token with role admin");

    // listed without secret; only a hash is stored; revoked and expired tokens are refused
    long id = issued.json().get("id").asLong();
    JsonNode listed = http.get("/api/v1/api-tokens").json();
    assertThat(listed.toString()).doesNotContain(secret);
    assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id").param("id", id)
        .query(String.class).single()).hasSize(64).isNotEqualTo(secret);
    assertThat(http.delete("/api/v1/api-tokens/" + id).status()).isEqualTo(204);
    assertProblem(teamToken.get("/api/v1/incidents"), 401, "unknown, revoked or expired");
    assertProblem(new Http(port, "fbt_made-up").get("/api/v1/incidents"), 401,
        "unknown, revoked or expired");
    assertProblem(http.post("/api/v1/api-tokens", "{\"name\":\"old\",\"role\":\"observer\","
        + "\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400, "expiresAt");
  }

  @Test
  void anonymousCallersGet401AndPagesCarrySecurityHeaders() {
    Http anonymous = Http.anonymous(port);
    assertProblem(anonymous.get("/api/v1/incidents"), 401, "log in, or send");
    assertProblem(anonymous.post("/api/v1/incidents", "{\"title\":\"x\"}"), 401, "log in");
    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    // a signal endpoint checks its own key: a sender's unrelated bearer header is ignored
    assertThat(new Http(port, "alertmanager-credentials").post("/v2/enqueue", "{}").status())
        .isEqualTo(400);
    assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
    Http.Response page = anonymous.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void aSessionsUnsafeCallsNeedTheCsrfToken() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
        .cookieHandler(cookies).build();
    String base = "http://127.0.0.1:" + port;
    java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create(base + "/api/v1/session"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\""
            + email("responder", world) + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    java.net.http.HttpResponse<String> forged = browser.send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create(base + "/api/v1/incidents"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"forged\"}"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    Http session = loggedIn(email("responder", world));
    Http.Response declared = session.post("/api/v1/incidents",
        "{\"title\":\"Declared in a session " + world.tag() + "\"}");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
  }

  @Test
  void keysAreShownOnlyToThoseWhoMayChangeTheServiceAndCanBeRotated() {
    World w = world;
    String service = "/api/v1/services/" + w.serviceA();
    String key = http.get(service).json().get("integrationKey").asText();
    assertThat(key).hasSize(32);
    Http responder = loggedIn(email("responder", w));
    Http manager = loggedIn(email("manager", w));
    assertThat(responder.get(service).json().get("integrationKey").isNull()).isTrue();
    assertThat(manager.get(service).json().get("integrationKey").asText()).isEqualTo(key);
    JsonNode channel = responder.get("/api/v1/receive-channels/" + w.channelA()).json();
    assertThat(channel.get("key").isNull()).isTrue();
    assertThat(channel.get("url").isNull()).isTrue();
    JsonNode heartbeat = responder.get("/api/v1/heartbeats/" + w.heartbeatA()).json();
    assertThat(heartbeat.get("key").isNull()).isTrue();
    assertThat(heartbeat.toString()).doesNotContain(http.get("/api/v1/heartbeats/"
        + w.heartbeatA()).json().get("key").asText());
    assertThat(responder.get("/api/v1/services").body()).doesNotContain(key);

    Http.Response rotated = manager.post(service + "/integration-key", "{}");
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String fresh = rotated.json().get("key").asText();
    assertThat(fresh).hasSize(32).isNotEqualTo(key);
    assertThat(http.get(service).json().get("integrationKey").asText()).isEqualTo(fresh);
    assertProblem(responder.post(service + "/integration-key", "{}"), 403,
        "only managers of team " + w.teamA());
  }

  @Test
  void repeatedWrongPasswordsAreRefusedEvenWithTheRightOne() {
    long id = create("/api/v1/users", "{\"name\":\"brute\",\"email\":\"brute-" + RUN
        + "@access.test\"}");
    assertThat(http.put("/api/v1/users/" + id + "/password", "{\"password\":\"" + PASSWORD
        + "\"}").status()).isEqualTo(204);
    String email = "brute-" + RUN + "@access.test";
    Http attacker = Http.session(port);
    for (int i = 0; i < 5; i++) {
      assertProblem(attacker.login(email, "guess-" + i), 401, "wrong email or password");
    }
    Http.Response refused = attacker.login(email, "guess-5");
    assertProblem(refused, 429, "too many failed logins");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 30L);
    assertProblem(Http.session(port).login(email, PASSWORD), 429, "try again in");

    JsonNode audit = http.get("/api/v1/audit?actor=" + email).json();
    assertThat(audit.findValuesAsText("action"))
        .contains("auth.login_failed", "auth.login_refused");
  }

  @Test
  void theAuditLogRecordsChangesAndAuthenticationEvents() {
    World w = world;
    Http manager = loggedIn(email("manager", w));
    long policy = w.policyA();
    Http.Response changed = manager.put("/api/v1/escalation-policies/" + policy, """
        {"name": "Audited %s", "repeat": 1, "steps": [{"delayMinutes": 9,
         "targets": [{"type": "user", "id": %d}]}]}""".formatted(w.tag(), w.manager()));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertProblem(manager.put("/api/v1/services/" + w.serviceB(), "{\"name\":\"mine\"}"), 403,
        "only managers of team " + w.teamB());

    String actor = email("manager", w);
    JsonNode entries = http.get("/api/v1/audit?actor=" + actor).json();
    assertThat(entries.findValuesAsText("action")).contains("auth.login",
        "PUT /api/v1/escalation-policies/{id}", "access.denied");
    JsonNode edit = null;
    for (JsonNode e : entries) {
      if (e.get("action").asText().equals("PUT /api/v1/escalation-policies/{id}")) {
        edit = e;
      }
    }
    assertThat(edit.get("before").get("name").asText()).isEqualTo("A policy " + w.tag());
    assertThat(edit.get("after").get("name").asText()).isEqualTo("Audited " + w.tag());
    assertThat(edit.get("after").get("team_id").asLong()).isEqualTo(w.teamA());
    assertThat(edit.get("after").get("steps").toString()).contains("\"delayMinutes\":9");
    assertThat(http.get("/api/v1/audit?actor=admin-token").json().findValuesAsText("action"))
        .contains("token.created", "PUT /api/v1/users/{id}/role", "POST /api/v1/services");
    assertThat(http.get("/api/v1/audit?actor=admin-token").body()).doesNotContain(
        http.get("/api/v1/services/" + w.serviceB()).json().get("integrationKey").asText());
    assertThat(http.get("/api/v1/audit?since=2999-01-01T00:00:00Z").json()).isEmpty();
    assertProblem(manager.get("/api/v1/audit"), 403, "only an admin");
  }

  @Test
  void anOidcLoginOfAnUnknownEmailCreatesAnObserver() throws Exception {
    String email = "new-" + RUN + "@sso.test";
    FakeOidc.shared().nextLogin("new-subject-" + RUN, email);
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager())
        .followRedirects(java.net.http.HttpClient.Redirect.ALWAYS).build();
    String base = "http://127.0.0.1:" + port;
    java.net.http.HttpResponse<String> landed = browser.send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create(base + "/oauth2/authorization/oidc")).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(landed.uri().toString()).isEqualTo(base + "/");
    JsonNode session = new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/session"))
            .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
    assertThat(session.get("authenticated").asBoolean()).isTrue();
    assertThat(session.get("name").asText()).isEqualTo(email);
    assertThat(session.get("role").asText()).isEqualTo("observer");
    assertThat(http.get("/api/v1/audit?actor=oidc:" + email).body())
        .contains("user.created_on_login");
  }
}

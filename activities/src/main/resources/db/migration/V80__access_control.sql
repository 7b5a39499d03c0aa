-- Access control: who may log in, with which role, which teams they manage, the API tokens
-- issued, and the audit log of configuration changes and authentication events.

-- admin, responder or observer; people created before access control keep responding.
ALTER TABLE app_user ADD COLUMN role VARCHAR(16) NOT NULL DEFAULT 'responder'
    CHECK (role IN ('admin', 'responder', 'observer'));

-- A team's managers change its configuration. Apart from team_member, which the team's own
-- endpoints rewrite whole, so that editing members never drops a manager.
CREATE TABLE team_manager (
    team_id BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);

-- Schedules and escalation policies belong to a team too (NULL: only admins change them).
ALTER TABLE schedule ADD COLUMN team_id BIGINT REFERENCES team (id) ON DELETE SET NULL;
ALTER TABLE escalation_policy ADD COLUMN team_id BIGINT REFERENCES team (id) ON DELETE SET NULL;

-- A local password (bcrypt, in Spring Security's {id}hash form) and its failed attempts, for
-- throttling: after a few failures, logins are refused until locked_until.
CREATE TABLE user_credential (
    user_id         BIGINT       PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    password_hash   VARCHAR(255) NOT NULL,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- An API token is shown once; only its SHA-256 is kept. team_id limits it to one team.
CREATE TABLE api_token (
    id           BIGSERIAL    PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    token_hash   CHAR(64)     NOT NULL UNIQUE,
    prefix       VARCHAR(16)  NOT NULL,
    role         VARCHAR(16)  NOT NULL CHECK (role IN ('admin', 'responder', 'observer')),
    team_id      BIGINT       REFERENCES team (id) ON DELETE CASCADE,
    created_by   VARCHAR(320) NOT NULL,
    owner_id     BIGINT       REFERENCES app_user (id) ON DELETE CASCADE,
    expires_at   TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);

-- Who did what, when, with the state before and after (secrets masked).
CREATE TABLE audit_event (
    id      BIGSERIAL    PRIMARY KEY,
    at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor   VARCHAR(320) NOT NULL,
    action  VARCHAR(128) NOT NULL,
    target  VARCHAR(255),
    before  JSONB,
    after   JSONB,
    detail  TEXT
);
CREATE INDEX audit_event_at ON audit_event (at, id);
CREATE INDEX audit_event_actor ON audit_event (actor, at);

-- Who responds and what they look after: users, teams and services.
CREATE TABLE app_user (
    id            BIGSERIAL PRIMARY KEY,
    name          VARCHAR(255) NOT NULL,
    email         VARCHAR(320) NOT NULL,
    slack_user_id VARCHAR(32),
    time_zone     VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));
CREATE UNIQUE INDEX app_user_slack_user_id ON app_user (slack_user_id) WHERE slack_user_id IS NOT NULL;

CREATE TABLE team (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL UNIQUE,
    description TEXT,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE team_member (
    team_id BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);

-- A service receives events on its integration key. Each severity maps to the priority of the
-- incident it opens, or to NULL: an alert only.
CREATE TABLE service (
    id                   BIGSERIAL PRIMARY KEY,
    name                 VARCHAR(255) NOT NULL UNIQUE,
    description          TEXT,
    integration_key      CHAR(32)     NOT NULL UNIQUE,
    team_id              BIGINT REFERENCES team (id) ON DELETE SET NULL,
    escalation_policy_id BIGINT,
    opens_incidents      BOOLEAN      NOT NULL DEFAULT TRUE,
    critical_priority    VARCHAR(2),
    error_priority       VARCHAR(2),
    warning_priority     VARCHAR(2),
    info_priority        VARCHAR(2),
    ack_timeout_minutes  INT,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

ALTER TABLE incident ADD COLUMN service_id BIGINT REFERENCES service (id) ON DELETE SET NULL;
CREATE INDEX incident_service ON incident (service_id, id DESC);

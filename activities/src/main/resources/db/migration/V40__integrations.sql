-- Integrations: links kept on the incident read model, PagerDuty's synced copy, PagerDuty triggers.

-- Written by the Jira and Confluence activities; the incident projection never overwrites them.
ALTER TABLE incident ADD COLUMN jira_ticket_key VARCHAR(64);
ALTER TABLE incident ADD COLUMN jira_ticket_url VARCHAR(1024);
ALTER TABLE incident ADD COLUMN postmortem_page_id VARCHAR(64);
ALTER TABLE incident ADD COLUMN postmortem_url VARCHAR(1024);

-- PagerDuty's data as of the last sync; rows PagerDuty no longer has are removed by the sync.
CREATE TABLE pagerduty_service (
    id                   VARCHAR(32) PRIMARY KEY,
    name                 TEXT        NOT NULL,
    status               VARCHAR(32),
    html_url             TEXT,
    escalation_policy_id VARCHAR(32),
    synced_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE pagerduty_user (
    id        VARCHAR(32) PRIMARY KEY,
    name      TEXT        NOT NULL,
    email     TEXT,
    html_url  TEXT,
    synced_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pagerduty_user_email ON pagerduty_user (lower(email));

CREATE TABLE pagerduty_schedule (
    id        VARCHAR(32) PRIMARY KEY,
    name      TEXT        NOT NULL,
    html_url  TEXT,
    synced_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE pagerduty_escalation_policy (
    id        VARCHAR(32) PRIMARY KEY,
    name      TEXT        NOT NULL,
    html_url  TEXT,
    synced_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Current on-calls (GET /oncalls): who is on call for which policy, at which level, until when.
-- schedule_id is '' for a level that targets a user directly.
CREATE TABLE pagerduty_oncall (
    escalation_policy_id VARCHAR(32) NOT NULL,
    escalation_level     INT         NOT NULL,
    schedule_id          VARCHAR(32) NOT NULL DEFAULT '',
    user_id              VARCHAR(32) NOT NULL,
    user_name            TEXT,
    starts_at            TIMESTAMPTZ,
    ends_at              TIMESTAMPTZ,
    synced_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (escalation_policy_id, escalation_level, schedule_id, user_id)
);

-- One PagerDuty page per incident and service: the primary key refuses a second one.
CREATE TABLE pagerduty_trigger (
    incident_id           BIGINT      NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    service_id            VARCHAR(32) NOT NULL,
    requested_by          VARCHAR(255),
    requested_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    pagerduty_incident_id VARCHAR(32),
    pagerduty_url         TEXT,
    PRIMARY KEY (incident_id, service_id)
);

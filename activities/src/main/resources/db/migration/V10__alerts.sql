-- Signals in: the read model of alert groups and their recent events (written by the
-- AlertGroupWorkflow's store activity), receive channels, routing rules and heartbeat monitors.

-- One row per alert group: an open (service, dedup key) from its first trigger to its resolve.
-- open_key names the workflow run chain and generation that opened it, so a retried projection
-- finds its row again instead of making a second one.
CREATE TABLE alert_group (
    id              BIGSERIAL PRIMARY KEY,
    open_key        VARCHAR(200)  NOT NULL UNIQUE,
    workflow_id     VARCHAR(100)  NOT NULL,
    service_id      BIGINT        NOT NULL,
    dedup_key       VARCHAR(255)  NOT NULL,
    summary         VARCHAR(1024) NOT NULL,
    source          VARCHAR(1024),
    severity        VARCHAR(16)   NOT NULL,
    priority        VARCHAR(2),
    status          VARCHAR(16)   NOT NULL,
    count           BIGINT        NOT NULL,
    first_at        TIMESTAMPTZ   NOT NULL,
    last_at         TIMESTAMPTZ   NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    resolved_at     TIMESTAMPTZ,
    incident_id     BIGINT,
    version         BIGINT        NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX alert_group_service ON alert_group (service_id, id DESC);
CREATE INDEX alert_group_status ON alert_group (status, id DESC);

-- What reached a group, batched repeats as one row with their count.
CREATE TABLE alert_event (
    alert_group_id BIGINT       NOT NULL REFERENCES alert_group (id) ON DELETE CASCADE,
    seq            INT          NOT NULL,
    at             TIMESTAMPTZ  NOT NULL,
    action         VARCHAR(16)  NOT NULL,
    count          INT          NOT NULL,
    summary        VARCHAR(1024),
    severity       VARCHAR(16),
    details        TEXT,
    PRIMARY KEY (alert_group_id, seq)
);

-- Events a routing rule suppressed: recorded, no alert.
CREATE TABLE suppressed_event (
    id          BIGSERIAL PRIMARY KEY,
    service_id  BIGINT        NOT NULL,
    rule_name   VARCHAR(255),
    dedup_key   VARCHAR(255),
    action      VARCHAR(16)   NOT NULL,
    summary     VARCHAR(1024),
    event       TEXT          NOT NULL,
    received_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX suppressed_event_service ON suppressed_event (service_id, id DESC);

-- Per routing key (a service's integration key), an ordered list of rules; the first match decides.
CREATE TABLE routing_rule (
    id         BIGSERIAL PRIMARY KEY,
    service_id BIGINT       NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position   INT          NOT NULL,
    rule       TEXT         NOT NULL,
    UNIQUE (service_id, position)
);

-- Third-party JSON turned into events: Alertmanager webhooks or a generic mapping.
CREATE TABLE receive_channel (
    id         BIGSERIAL PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    type       VARCHAR(32)  NOT NULL,
    service_id BIGINT       NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    key        CHAR(32)     NOT NULL UNIQUE,
    mapping    TEXT,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A job that must ping within interval + grace, or an alert triggers on its service.
CREATE TABLE heartbeat_monitor (
    id               BIGSERIAL PRIMARY KEY,
    name             VARCHAR(255) NOT NULL,
    service_id       BIGINT       NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    key              CHAR(32)     NOT NULL UNIQUE,
    interval_seconds INT          NOT NULL,
    grace_seconds    INT          NOT NULL,
    muted            BOOLEAN      NOT NULL DEFAULT FALSE,
    status           VARCHAR(16)  NOT NULL DEFAULT 'NEW',
    last_ping_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- How people are reached: their contact methods, verification codes and notification rules.
CREATE TABLE contact_method (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    type        VARCHAR(16)   NOT NULL,
    value       VARCHAR(2048) NOT NULL,
    name        VARCHAR(255),
    verified    BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX contact_method_user ON contact_method (user_id, id);

-- One outstanding code per method; a new send-code replaces it. Only a hash is kept.
CREATE TABLE contact_verification (
    contact_method_id BIGINT      PRIMARY KEY REFERENCES contact_method (id) ON DELETE CASCADE,
    code_hash         VARCHAR(64) NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    attempts          INT         NOT NULL DEFAULT 0
);

CREATE TABLE notification_rule (
    id                BIGSERIAL PRIMARY KEY,
    user_id           BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    contact_method_id BIGINT      NOT NULL REFERENCES contact_method (id) ON DELETE CASCADE,
    delay_minutes     INT         NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (contact_method_id, delay_minutes)
);
CREATE INDEX notification_rule_user ON notification_rule (user_id, delay_minutes);

-- A plan: one page of one user by one escalation step, its rules as they were then.
CREATE TABLE notify_plan (
    plan_id     VARCHAR(200) PRIMARY KEY,
    incident_id BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    user_name   VARCHAR(255) NOT NULL,
    title       TEXT         NOT NULL,
    priority    VARCHAR(8),
    paged_at    TIMESTAMPTZ  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX notify_plan_incident ON notify_plan (incident_id);

-- Each rule of a plan; its send is recorded here before (PENDING) and after (SENT, FAILED,
-- STOPPED, BUNDLED), so that a retried activity never sends it twice.
CREATE TABLE notify_send (
    id                BIGSERIAL PRIMARY KEY,
    plan_id           VARCHAR(200) NOT NULL REFERENCES notify_plan (plan_id) ON DELETE CASCADE,
    rule_key          VARCHAR(64)  NOT NULL,
    incident_id       BIGINT       NOT NULL,
    user_id           BIGINT       NOT NULL,
    contact_method_id BIGINT       NOT NULL,
    type              VARCHAR(16)  NOT NULL,
    label             VARCHAR(512) NOT NULL,
    to_value          VARCHAR(2048) NOT NULL,
    delay_minutes     INT          NOT NULL,
    due_at            TIMESTAMPTZ  NOT NULL,
    status            VARCHAR(16)  NOT NULL DEFAULT 'DUE',
    attempts          INT          NOT NULL DEFAULT 0,
    detail            TEXT,
    reply_code        VARCHAR(8),
    provider_id       VARCHAR(64),
    delivery          VARCHAR(32),
    sent_at           TIMESTAMPTZ,
    bundled_in        BIGINT,
    UNIQUE (plan_id, rule_key)
);
CREATE INDEX notify_send_incident ON notify_send (incident_id, due_at);
CREATE INDEX notify_send_method ON notify_send (contact_method_id, sent_at);
CREATE INDEX notify_send_reply ON notify_send (to_value, reply_code) WHERE reply_code IS NOT NULL;

-- The key that signs email links, made once so that links outlive a restart.
CREATE TABLE notify_secret (
    name   VARCHAR(32) PRIMARY KEY,
    secret VARCHAR(128) NOT NULL
);

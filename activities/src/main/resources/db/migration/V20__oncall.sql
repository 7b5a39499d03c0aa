-- On-call: schedules with their overrides, escalation policies, and the pages sent.

-- Layers (rotations with restrictions) are stored as JSON: they are read and written whole.
CREATE TABLE schedule (
    id         BIGSERIAL PRIMARY KEY,
    name       VARCHAR(255) NOT NULL UNIQUE,
    time_zone  VARCHAR(64)  NOT NULL,
    layers     JSONB        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE schedule_override (
    id          BIGSERIAL PRIMARY KEY,
    schedule_id BIGINT      NOT NULL REFERENCES schedule (id) ON DELETE CASCADE,
    user_id     BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    start_at    TIMESTAMPTZ NOT NULL,
    end_at      TIMESTAMPTZ NOT NULL,
    CHECK (start_at < end_at)
);
CREATE INDEX schedule_override_span ON schedule_override (schedule_id, end_at, start_at);

-- Steps (delay and targets) are stored as JSON, read and written whole.
CREATE TABLE escalation_policy (
    id         BIGSERIAL PRIMARY KEY,
    name       VARCHAR(255) NOT NULL UNIQUE,
    repeat     INT          NOT NULL CHECK (repeat BETWEEN 0 AND 5),
    steps      JSONB        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

UPDATE service SET escalation_policy_id = NULL WHERE escalation_policy_id IS NOT NULL;
ALTER TABLE service ADD CONSTRAINT service_escalation_policy_fk
    FOREIGN KEY (escalation_policy_id) REFERENCES escalation_policy (id) ON DELETE SET NULL;

-- One row per page: (incident, escalation run, loop, step, user) is the idempotency key, so a
-- retried or replayed step never pages twice.
CREATE TABLE escalation_notification (
    incident_id BIGINT       NOT NULL,
    run         VARCHAR(100) NOT NULL,
    loop        INT          NOT NULL,
    step        INT          NOT NULL,
    user_id     BIGINT       NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    via         VARCHAR(16)  NOT NULL,
    detail      TEXT,
    attempts    INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    PRIMARY KEY (incident_id, run, loop, step, user_id)
);

ALTER TABLE incident ADD COLUMN acknowledged_at TIMESTAMPTZ;

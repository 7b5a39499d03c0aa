-- Shift swaps and cover requests (issue 13): a person on call asks for cover of [starts_at,
-- ends_at); whoever takes it gets a real schedule override (override_id), so the final shifts
-- change. A request whose start has passed untaken reads as EXPIRED.
CREATE TABLE shift_request (
    id           BIGSERIAL PRIMARY KEY,
    schedule_id  BIGINT        NOT NULL REFERENCES schedule (id) ON DELETE CASCADE,
    requester_id BIGINT        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    starts_at    TIMESTAMPTZ   NOT NULL,
    ends_at      TIMESTAMPTZ   NOT NULL,
    note         VARCHAR(1024),
    status       VARCHAR(16)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'TAKEN')),
    taken_by     BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    override_id  BIGINT,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    taken_at     TIMESTAMPTZ,
    CHECK (starts_at < ends_at)
);
CREATE INDEX shift_request_schedule ON shift_request (schedule_id, starts_at);

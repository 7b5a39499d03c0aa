-- Handoff notices sent, one per (schedule, shift start, user): recorded before the send, so a
-- retried notice is never sent twice.
CREATE TABLE handoff_notice (
    schedule_id BIGINT      NOT NULL,
    start_at    TIMESTAMPTZ NOT NULL,
    user_id     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (schedule_id, start_at, user_id)
);

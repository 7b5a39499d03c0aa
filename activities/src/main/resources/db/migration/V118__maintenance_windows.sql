-- Maintenance windows (issue 13): while one is open, a service's events are accepted and recorded
-- but open no incident; its alert groups are marked in maintenance until the window ends.
CREATE TABLE maintenance_window (
    id         BIGSERIAL PRIMARY KEY,
    service_id BIGINT        NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    starts_at  TIMESTAMPTZ   NOT NULL,
    ends_at    TIMESTAMPTZ   NOT NULL,
    reason     VARCHAR(1024) NOT NULL,
    created_by VARCHAR(255),
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK (starts_at < ends_at)
);
CREATE INDEX maintenance_window_service ON maintenance_window (service_id, ends_at);

ALTER TABLE alert_group ADD COLUMN maintenance_until TIMESTAMPTZ;

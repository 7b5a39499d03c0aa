-- Events an alert group could not store (the database refused their data for good), kept so a
-- person can see them while the group goes on. Every column is unbounded TEXT and the store
-- escapes NUL characters and broken surrogates, so writing a quarantined event cannot fail too.
-- alert_group_id is null when the group itself could not be stored (its dedup key was refused).
CREATE TABLE alert_quarantine (
    id              BIGSERIAL   PRIMARY KEY,
    quarantine_key  TEXT        NOT NULL UNIQUE,
    workflow_id     TEXT        NOT NULL,
    service_id      BIGINT      NOT NULL,
    dedup_key       TEXT        NOT NULL,
    alert_group_id  BIGINT,
    reason          TEXT        NOT NULL,
    event           TEXT        NOT NULL,
    quarantined_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX alert_quarantine_group ON alert_quarantine (alert_group_id, id DESC);
CREATE INDEX alert_quarantine_service ON alert_quarantine (service_id, id DESC);

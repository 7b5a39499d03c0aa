-- The read model of incidents, written by the incident workflows' store activity.
CREATE SEQUENCE incident_id_seq;

CREATE TABLE incident (
    id                 BIGINT PRIMARY KEY,
    title              VARCHAR(128) NOT NULL,
    description        TEXT,
    priority           VARCHAR(2)   NOT NULL,
    environment        VARCHAR(3)   NOT NULL,
    category           VARCHAR(128),
    private            BOOLEAN      NOT NULL DEFAULT FALSE,
    dedup_key          VARCHAR(255),
    created_at         TIMESTAMPTZ  NOT NULL,
    created_by         VARCHAR(255),
    status             VARCHAR(16)  NOT NULL,
    closure_reason     VARCHAR(32),
    commander          VARCHAR(128),
    communication_lead VARCHAR(128),
    started_at         TIMESTAMPTZ,
    detected_at        TIMESTAMPTZ,
    declared_at        TIMESTAMPTZ,
    mitigated_at       TIMESTAMPTZ,
    recovered_at       TIMESTAMPTZ,
    resolved_at        TIMESTAMPTZ,
    version            BIGINT       NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- At most one incident that is not CLOSED per dedup key: the API relies on it to deduplicate.
CREATE UNIQUE INDEX incident_open_dedup_key ON incident (dedup_key)
    WHERE dedup_key IS NOT NULL AND status <> 'CLOSED';
CREATE INDEX incident_status ON incident (status, id DESC);
CREATE INDEX incident_priority ON incident (priority, id DESC);

CREATE TABLE incident_timeline (
    incident_id BIGINT       NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    seq         INT          NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    message     TEXT         NOT NULL,
    author      VARCHAR(255),
    PRIMARY KEY (incident_id, seq)
);

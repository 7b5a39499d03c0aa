-- Idempotency-Key (IETF httpapi draft) for the REST calls that open or change incidents: the first
-- request with a key claims it (response_status null while it runs); its answer is kept so that
-- the same request again is answered the same; the same key with another body is refused.
CREATE TABLE idempotency_key (
    scope           text        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    response_status integer,
    response_body   text,
    location        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);

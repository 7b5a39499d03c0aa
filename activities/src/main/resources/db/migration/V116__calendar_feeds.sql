-- Calendar feeds (issue 13): one secret token per feed, a schedule's or a user's. Revoking deletes
-- the row: the old URL stops working at once, and the next read of the owner's JSON issues a new one.
CREATE TABLE calendar_feed (
    kind       VARCHAR(16)  NOT NULL CHECK (kind IN ('schedule', 'user')),
    owner_id   BIGINT       NOT NULL,
    token      VARCHAR(64)  NOT NULL UNIQUE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, owner_id)
);

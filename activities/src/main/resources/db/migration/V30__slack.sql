-- Slack: incident channels, what Firebreak posted, Slack deliveries already handled, and a
-- mirror of Slack's users, user groups and conversations with Firebreak's tags on them.

CREATE TABLE slack_incident_channel (
    incident_id BIGINT       PRIMARY KEY REFERENCES incident (id) ON DELETE CASCADE,
    channel_id  VARCHAR(32)  NOT NULL UNIQUE,
    name        VARCHAR(80)  NOT NULL,
    private     BOOLEAN      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One row per message posted, keyed by what it says (e.g. incident-42-timeline-7), so a retried
-- activity does not post twice.
CREATE TABLE slack_message (
    key        VARCHAR(255) PRIMARY KEY,
    channel_id VARCHAR(32)  NOT NULL,
    ts         VARCHAR(32)  NOT NULL,
    posted_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Slack retries an event it thinks we missed (X-Slack-Retry-Num): each event id is handled once.
CREATE TABLE slack_delivery (
    id      VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE slack_user (
    user_id   VARCHAR(32)  PRIMARY KEY,
    name      VARCHAR(255),
    real_name VARCHAR(255),
    email     VARCHAR(320),
    deleted   BOOLEAN      NOT NULL DEFAULT FALSE,
    bot       BOOLEAN      NOT NULL DEFAULT FALSE,
    synced_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- tag: tech_incidents, dev_firefighter, it_deploy, invited_for_all_public_p1 (or none);
-- categories: incident categories whose channels invite this group's or channel's members.
CREATE TABLE slack_usergroup (
    usergroup_id VARCHAR(32)  PRIMARY KEY,
    handle       VARCHAR(255),
    name         VARCHAR(255),
    tag          VARCHAR(64),
    categories   TEXT[]       NOT NULL DEFAULT '{}',
    members      TEXT[]       NOT NULL DEFAULT '{}',
    managed      BOOLEAN      NOT NULL DEFAULT FALSE,
    synced_at    TIMESTAMPTZ
);

CREATE TABLE slack_conversation (
    channel_id VARCHAR(32)  PRIMARY KEY,
    name       VARCHAR(255),
    private    BOOLEAN      NOT NULL DEFAULT FALSE,
    archived   BOOLEAN      NOT NULL DEFAULT FALSE,
    tag        VARCHAR(64),
    categories TEXT[]       NOT NULL DEFAULT '{}',
    members    TEXT[]       NOT NULL DEFAULT '{}',
    managed    BOOLEAN      NOT NULL DEFAULT FALSE,
    synced_at  TIMESTAMPTZ
);
CREATE INDEX slack_conversation_tag ON slack_conversation (tag) WHERE tag IS NOT NULL;
CREATE INDEX slack_usergroup_tag ON slack_usergroup (tag) WHERE tag IS NOT NULL;

-- Who opened an incident from Slack, so that they are invited into its channel.
CREATE TABLE slack_incident_opener (
    incident_id   BIGINT      PRIMARY KEY REFERENCES incident (id) ON DELETE CASCADE,
    slack_user_id VARCHAR(32) NOT NULL
);

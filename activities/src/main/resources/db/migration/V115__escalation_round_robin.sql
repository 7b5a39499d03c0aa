-- Round-robin escalation steps (issue 13): the next turn of each (policy, step), and the turn each
-- incident took, so that a retried activity or a later round pages the same person again.
CREATE TABLE escalation_round_robin (
    policy_id  BIGINT NOT NULL REFERENCES escalation_policy (id) ON DELETE CASCADE,
    step_index INT    NOT NULL,
    next_turn  BIGINT NOT NULL,
    PRIMARY KEY (policy_id, step_index)
);

CREATE TABLE escalation_round_robin_turn (
    policy_id   BIGINT NOT NULL REFERENCES escalation_policy (id) ON DELETE CASCADE,
    step_index  INT    NOT NULL,
    incident_id BIGINT NOT NULL,
    turn        BIGINT NOT NULL,
    taken_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (policy_id, step_index, incident_id)
);

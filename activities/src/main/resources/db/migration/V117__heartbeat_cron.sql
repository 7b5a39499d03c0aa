-- Heartbeats on a cron (issue 13): a monitor expects a ping either every interval or by each run
-- of a cron in a time zone, never both.
ALTER TABLE heartbeat_monitor ALTER COLUMN interval_seconds DROP NOT NULL;
ALTER TABLE heartbeat_monitor ADD COLUMN cron VARCHAR(120);
ALTER TABLE heartbeat_monitor ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE heartbeat_monitor ADD CONSTRAINT heartbeat_interval_or_cron
    CHECK ((interval_seconds IS NULL) <> (cron IS NULL)
           AND (cron IS NULL OR time_zone IS NOT NULL));

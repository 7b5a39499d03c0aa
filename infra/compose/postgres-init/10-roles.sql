-- Runs once, when the postgres data volume is empty.
-- Firebreak's own database:
CREATE ROLE firebreak LOGIN PASSWORD 'firebreak';
CREATE DATABASE firebreak OWNER firebreak;
-- Temporal: auto-setup creates and migrates its databases (temporal,
-- temporal_visibility) itself, so its role only needs CREATEDB.
CREATE ROLE temporal LOGIN PASSWORD 'temporal' CREATEDB;

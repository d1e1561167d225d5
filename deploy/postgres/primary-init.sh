#!/bin/bash
# Runs once, when the primary's data folder is first made (docker-entrypoint-initdb.d): a role that may stream
# WAL to the replica, and the pg_hba line that lets it (replication connections do not match "all").
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"

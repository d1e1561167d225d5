#!/bin/bash
# The streaming replica. On its first start the data folder is empty: copy the primary with pg_basebackup -R,
# which also writes standby.signal and primary_conninfo; from then on PostgreSQL starts as a hot standby and
# streams from the primary. Runs as the postgres user (compose `user:`), as PostgreSQL requires.
set -euo pipefail
: "${PGDATA:=/var/lib/postgresql/18/docker}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready --host "$PRIMARY_HOST" --quiet; do sleep 1; done
  mkdir -p "$PGDATA"
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup --host "$PRIMARY_HOST" --username replicator \
    --pgdata "$PGDATA" --write-recovery-conf --wal-method stream --checkpoint fast
  chmod 700 "$PGDATA"
fi
exec postgres -D "$PGDATA" -c hot_standby=on

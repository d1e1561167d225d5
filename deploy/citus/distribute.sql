-- The Citus layout of docs/decisions/0013-sharding-by-show.md, run once by docker-compose.citus.yml on the
-- coordinator, after the normal migrations (node-pg-migrate) and before the API starts. Its local stand-in is
-- partition-bookings.sql: the same shard key (show_id) and the same PRIMARY KEY (show_id, id), proven statement
-- by statement by apps/api/test/sharding.test.ts. This file itself is UNTESTED: no Citus (nor Docker engine)
-- where it was written; the ADR lists what to check first. psql: `psql -v ON_ERROR_STOP=1 -f distribute.sql`.

-- A second `docker-compose up` runs the one-shot service again: once distributed, there is nothing to do.
SELECT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'bookings'::regclass) AS distributed \gset
\if :distributed
  \echo 'bookings is distributed already: nothing to do'
  \quit
\endif

-- The nodes (docker-compose.citus.yml's service names). Each has the citus extension from the image.
SELECT citus_set_coordinator_host('citus-coordinator', 5432);
SELECT citus_add_node(worker, 5432) FROM unnest(ARRAY['citus-worker-1', 'citus-worker-2']) AS worker;

-- The existing triggers (a booked show refuses deletion; an idempotency key commits with its answer) go with
-- their tables to the shards; Citus asks for this to accept them (ADR 0013: the first thing to verify).
SET citus.enable_unsafe_triggers = on;

-- A unique key of a distributed table must contain its distribution column, and the foreign keys come back
-- once every table has its place (reference, or colocated on the same column).
ALTER TABLE bookings DROP CONSTRAINT bookings_show_id_fkey;
ALTER TABLE bookings DROP CONSTRAINT bookings_user_id_fkey;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_user_id_fkey;
ALTER TABLE bookings DROP CONSTRAINT bookings_pkey;
ALTER TABLE bookings ADD CONSTRAINT bookings_pkey PRIMARY KEY (show_id, id);
-- The booking-id lookup of confirm and cancel (they get an id alone): one index probe per shard.
CREATE INDEX bookings_id_idx ON bookings (id);
-- Lookups by reference (migration 1700000000013): unique anyway, being its booking id's image (CHECK
-- bookings_reference_is_its_ids), so a plain index replaces the unique one that lacks the distribution column.
DROP INDEX bookings_reference_key;
CREATE INDEX bookings_reference_idx ON bookings (reference);

-- Small, read by every request's authentication and joined with anything: a copy on every node.
SELECT create_reference_table('users');
-- Series (ADR 0017): a few rows an admin writes, referenced by shows.series_id: a copy on every node too.
SELECT create_reference_table('series');
-- The shard key: a show and all its bookings on one node, so the booking transaction is single-shard.
SELECT create_distributed_table('shows', 'id');
SELECT create_distributed_table('bookings', 'show_id', colocate_with => 'shows');
-- Keyed by who owns them, and every statement on them names that: single-shard too. A user id has nothing to
-- do with a show id, so no colocation is pretended.
SELECT create_distributed_table('idempotency_keys', 'user_id', colocate_with => 'none');
SELECT create_distributed_table('rate_limits', 'key', colocate_with => 'none');
-- pgmigrations stays a plain table of the coordinator: node-pg-migrate's bookkeeping, read at start only.

ALTER TABLE bookings ADD CONSTRAINT bookings_show_id_fkey
  FOREIGN KEY (show_id) REFERENCES shows (id) ON DELETE CASCADE;
ALTER TABLE bookings ADD CONSTRAINT bookings_user_id_fkey
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_user_id_fkey
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;

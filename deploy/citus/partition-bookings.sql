-- The local stand-in for Citus (docs/decisions/0013-sharding-by-show.md): bookings hash-partitioned by show_id,
-- one partition per would-be shard, with the key distribute.sql gives the distributed table:
-- PRIMARY KEY (show_id, id). apps/api/test/sharding.test.ts runs it on a fresh clone of the migrated template
-- and checks that every booking-path statement touches one partition. Not a migration: production keeps its
-- plain table.
--
-- Run on an empty database (rows are not copied). The old table is renamed rather than dropped, because
-- book_slots returns its row type (SETOF bookings); a CHECK (false) retires it, so a write that still reached
-- it would fail loudly. Objects bound to the old table by oid (views, triggers, indexes, foreign keys) are
-- recreated on the new one from their own definitions, so nothing here restates a migration.

ALTER TABLE bookings RENAME TO bookings_unsharded;
ALTER INDEX bookings_pkey RENAME TO bookings_unsharded_pkey;
ALTER TABLE bookings_unsharded ADD CONSTRAINT bookings_unsharded_retired CHECK (false) NOT VALID;

CREATE TABLE bookings (
  LIKE bookings_unsharded INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS INCLUDING GENERATED
) PARTITION BY HASH (show_id);
ALTER TABLE bookings DROP CONSTRAINT bookings_unsharded_retired;
-- A unique key of a partitioned (or distributed) table must contain its partition (distribution) key.
ALTER TABLE bookings ADD CONSTRAINT bookings_pkey PRIMARY KEY (show_id, id);
-- The booking-id lookup of confirm and cancel (the one statement that cannot name the show) lost its index
-- with the old key: each partition (shard) answers it from this one.
CREATE INDEX bookings_id_idx ON bookings (id);
-- Lookups by reference (migration 1700000000013). A unique index here would have to include show_id; a
-- reference is unique anyway, being its booking id's image (CHECK bookings_reference_is_its_ids).
CREATE INDEX bookings_reference_idx ON bookings (reference);
CREATE TABLE bookings_p0 PARTITION OF bookings FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE bookings_p1 PARTITION OF bookings FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE bookings_p2 PARTITION OF bookings FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE bookings_p3 PARTITION OF bookings FOR VALUES WITH (MODULUS 4, REMAINDER 3);

DO $$
DECLARE
  old CONSTANT regclass := 'bookings_unsharded';
  def record;
BEGIN
  -- Indexes (but the old primary key on id alone): same names, so the old ones step aside first.
  FOR def IN SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS sql
             FROM pg_index i WHERE i.indrelid = old AND NOT i.indisprimary
               AND i.indexrelid <> 'bookings_reference_key'::regclass LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I', def.name, left(def.name, 50) || '_unsharded');
    EXECUTE regexp_replace(def.sql, '\mbookings_unsharded\M', 'bookings');
  END LOOP;
  FOR def IN SELECT conname, pg_get_constraintdef(oid) AS sql FROM pg_constraint
             WHERE conrelid = old AND contype = 'f' LOOP
    EXECUTE format('ALTER TABLE bookings ADD CONSTRAINT %I %s', def.conname, def.sql);
  END LOOP;
  FOR def IN SELECT pg_get_triggerdef(oid) AS sql FROM pg_trigger WHERE tgrelid = old AND NOT tgisinternal LOOP
    EXECUTE regexp_replace(def.sql, '\mbookings_unsharded\M', 'bookings');
  END LOOP;
  -- Views reading bookings (live_shows, ...), as pg_get_viewdef prints them, re-pointed at the new table.
  FOR def IN SELECT DISTINCT v.oid::regclass::text AS name, pg_get_viewdef(v.oid) AS sql
             FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
             WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = old AND v.oid <> old LOOP
    EXECUTE format('CREATE OR REPLACE VIEW %s AS %s', def.name,
                   regexp_replace(def.sql, '\mbookings_unsharded\M', 'bookings', 'g'));
  END LOOP;
END;
$$;

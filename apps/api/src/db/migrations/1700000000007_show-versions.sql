-- Up Migration

-- Every show carries a version that rises with each change to it (README: "Show versions"),
-- so that a reader holding two answers about one show (a replica's read and a live update, or updates from two
-- API instances arriving out of order) keeps the newer and a count never goes backwards.
ALTER TABLE shows ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);

-- Any UPDATE of a show that does not set the version itself moves it on by one: a booking, a cancel, an admin's
-- edit. lock_show sets it explicitly (below), so that reclaiming k lapsed holds counts k changes.
CREATE FUNCTION bump_show_version() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.version = OLD.version THEN
    NEW.version := OLD.version + 1;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER shows_bump_version BEFORE UPDATE ON shows FOR EACH ROW EXECUTE FUNCTION bump_show_version();

-- A hold that lapses changes its show's availability at expires_at, before anything writes the row (ADR 0002).
-- So the live version is the stored one plus one per lapsed hold not yet reclaimed; reclaiming k of them adds
-- exactly k to the stored version, so the live version is the same just before and just after the sweep.
CREATE OR REPLACE VIEW live_shows AS
SELECT s.id, s.name, s.start_time, s.total_slots, s.available_slots + lapsed.slots AS available_slots,
       s.version + lapsed.holds AS version
FROM shows s
CROSS JOIN LATERAL (
  SELECT COALESCE(sum(b.quantity), 0)::int AS slots, count(*)::int AS holds FROM bookings b
  WHERE b.show_id = s.id AND hold_lapsed(b.status, b.expires_at)
) lapsed;

ALTER TYPE locked_show ADD ATTRIBUTE version bigint;

-- As in migration 1700000000002, plus the version: reclaiming k lapsed holds adds k (see live_shows).
CREATE OR REPLACE FUNCTION lock_show(p_show_id integer) RETURNS locked_show
LANGUAGE plpgsql
AS $$
DECLARE
  v_show  shows%ROWTYPE;
  v_freed integer;
  v_holds integer;
BEGIN
  SELECT * INTO v_show FROM shows WHERE id = p_show_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  WITH lapsed AS (
    UPDATE bookings b SET status = 'EXPIRED'
    WHERE b.show_id = p_show_id AND hold_lapsed(b.status, b.expires_at)
    RETURNING b.quantity
  )
  SELECT COALESCE(sum(l.quantity), 0)::int, count(*)::int INTO v_freed, v_holds FROM lapsed l;
  IF v_holds > 0 THEN
    UPDATE shows SET available_slots = available_slots + v_freed, version = version + v_holds WHERE id = p_show_id;
  END IF;
  RETURN ROW(v_show.id, v_show.name, v_show.start_time, v_show.total_slots, v_show.available_slots + v_freed,
             v_holds, v_show.version + v_holds)::locked_show;
END;
$$;

-- Down Migration

CREATE OR REPLACE FUNCTION lock_show(p_show_id integer) RETURNS locked_show
LANGUAGE plpgsql
AS $$
DECLARE
  v_show  shows%ROWTYPE;
  v_freed integer;
  v_holds integer;
BEGIN
  SELECT * INTO v_show FROM shows WHERE id = p_show_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  WITH lapsed AS (
    UPDATE bookings b SET status = 'EXPIRED'
    WHERE b.show_id = p_show_id AND hold_lapsed(b.status, b.expires_at)
    RETURNING b.quantity
  )
  SELECT COALESCE(sum(l.quantity), 0)::int, count(*)::int INTO v_freed, v_holds FROM lapsed l;
  IF v_holds > 0 THEN
    UPDATE shows SET available_slots = available_slots + v_freed WHERE id = p_show_id;
  END IF;
  RETURN ROW(v_show.id, v_show.name, v_show.start_time, v_show.total_slots, v_show.available_slots + v_freed,
             v_holds)::locked_show;
END;
$$;
ALTER TYPE locked_show DROP ATTRIBUTE version;
DROP VIEW live_shows;
CREATE VIEW live_shows AS
SELECT s.id, s.name, s.start_time, s.total_slots,
       s.available_slots + (
         SELECT COALESCE(sum(b.quantity), 0)::int FROM bookings b
         WHERE b.show_id = s.id AND hold_lapsed(b.status, b.expires_at)
       ) AS available_slots
FROM shows s;
DROP TRIGGER shows_bump_version ON shows;
DROP FUNCTION bump_show_version();
ALTER TABLE shows DROP COLUMN version;

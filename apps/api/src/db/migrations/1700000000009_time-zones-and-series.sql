-- Up Migration

-- A show's wall-clock time belongs to a place (docs/decisions/0017-time-zones-and-series.md). The zone is an IANA
-- name that PostgreSQL's own zone database knows: `AT TIME ZONE` raises for any name it does not recognise. Asking
-- pg_timezone_names instead costs ~40 ms a row (it reads the whole zone directory), too slow for a 1,000-show
-- series, so the name is tried instead, and its shape keeps out what AT TIME ZONE would also accept but is no zone
-- name (POSIX rules like 'UTC+5', '<+03>-3'). The API checks with Intl first, for a clear message.
CREATE FUNCTION is_time_zone_name(p_zone text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT
AS $$
BEGIN
  IF p_zone !~ '^[A-Za-z][A-Za-z_]*(/[A-Za-z0-9_+-]+){0,2}$' OR length(p_zone) > 64 THEN
    RETURN false;
  END IF;
  PERFORM timestamp '2000-01-01 00:00' AT TIME ZONE p_zone;
  RETURN true;
EXCEPTION WHEN invalid_parameter_value OR feature_not_supported THEN
  RETURN false;
END;
$$;

-- The one rule for a wall-clock time in a zone (ADR 0017), as RFC 5545 and Temporal's 'compatible' read it:
-- a time that exists once is that instant; a time that exists twice (the clocks go back) is the first of the two;
-- a time that never exists (the clocks go forward) is read with the offset in force before the jump, so it lands
-- as far past the jump as it was past the last valid time (01:30 in London on the spring-forward day is 02:30
-- BST). PostgreSQL's own `AT TIME ZONE` picks the later of two, so this checks both offsets around the guess.
CREATE FUNCTION local_time_to_instant(p_local timestamp, p_zone text) RETURNS timestamptz
LANGUAGE sql STABLE STRICT
AS $$
  WITH guess AS (SELECT p_local AT TIME ZONE p_zone AS at),
  offsets AS (
    SELECT ((g.at - interval '1 day') AT TIME ZONE p_zone) - ((g.at - interval '1 day') AT TIME ZONE 'UTC') AS before,
           ((g.at + interval '1 day') AT TIME ZONE p_zone) - ((g.at + interval '1 day') AT TIME ZONE 'UTC') AS after
    FROM guess g
  ),
  candidates AS (
    SELECT (p_local - o.before) AT TIME ZONE 'UTC' AS at FROM offsets o
    UNION ALL
    SELECT (p_local - o.after) AT TIME ZONE 'UTC' FROM offsets o
  )
  SELECT COALESCE(
    (SELECT min(c.at) FROM candidates c WHERE c.at AT TIME ZONE p_zone = p_local),
    (SELECT (p_local - o.before) AT TIME ZONE 'UTC' FROM offsets o)
  );
$$;

-- A recurring rule an admin created shows from. Its shows point back at it; the rule itself is kept for the record
-- (what was asked), while its shows can be edited or deleted one by one like any other.
CREATE TABLE series (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone   text        NOT NULL CONSTRAINT series_time_zone_known CHECK (is_time_zone_name(time_zone)),
  start_date  date        NOT NULL,
  end_date    date        NOT NULL,
  -- ISO weekdays (1 = Monday) and wall-clock times, each distinct and in order.
  weekdays    smallint[]  NOT NULL,
  times       time[]      NOT NULL,
  total_slots integer     NOT NULL CHECK (total_slots BETWEEN 1 AND 100000),
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- At most 366 days (the contract's MAX_SERIES_DAYS).
  CONSTRAINT series_dates_in_order CHECK (end_date >= start_date AND end_date - start_date < 366),
  CONSTRAINT series_weekdays_valid CHECK (
    cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ '{1,2,3,4,5,6,7}'::smallint[]
  ),
  CONSTRAINT series_times_valid CHECK (cardinality(times) BETWEEN 1 AND 48)
);

-- Old shows were entered as instants with no place: 'UTC' says exactly that.
ALTER TABLE shows
  ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC' CONSTRAINT shows_time_zone_known CHECK (is_time_zone_name(time_zone)),
  ADD COLUMN series_id integer REFERENCES series (id) ON DELETE SET NULL;
CREATE INDEX shows_series_id_idx ON shows (series_id, start_time) WHERE series_id IS NOT NULL;

-- As in migration 1700000000007, with the zone and the series at the end (CREATE OR REPLACE may only add columns).
CREATE OR REPLACE VIEW live_shows AS
SELECT s.id, s.name, s.start_time, s.total_slots, s.available_slots + lapsed.slots AS available_slots,
       s.version + lapsed.holds AS version, s.time_zone, s.series_id
FROM shows s
CROSS JOIN LATERAL (
  SELECT COALESCE(sum(b.quantity), 0)::int AS slots, count(*)::int AS holds FROM bookings b
  WHERE b.show_id = s.id AND hold_lapsed(b.status, b.expires_at)
) lapsed;

-- Down Migration

DROP VIEW live_shows;
CREATE VIEW live_shows AS
SELECT s.id, s.name, s.start_time, s.total_slots, s.available_slots + lapsed.slots AS available_slots,
       s.version + lapsed.holds AS version
FROM shows s
CROSS JOIN LATERAL (
  SELECT COALESCE(sum(b.quantity), 0)::int AS slots, count(*)::int AS holds FROM bookings b
  WHERE b.show_id = s.id AND hold_lapsed(b.status, b.expires_at)
) lapsed;
DROP INDEX shows_series_id_idx;
ALTER TABLE shows DROP COLUMN series_id, DROP COLUMN time_zone;
DROP TABLE series;
DROP FUNCTION local_time_to_instant(timestamp, text);
DROP FUNCTION is_time_zone_name(text);

-- Up Migration

-- A confirmed booking's short reference (README: "Booking references"): 8 characters of Crockford's base32
-- (no I, L, O, U), read aloud at a desk or typed from a receipt. It is the booking id's image under a fixed
-- permutation of 40 bits (a 4-round Feistel network), so two bookings never share one and none is ever reused
-- (ids are never reused), with no retry loop; consecutive ids give unrelated references. Not a secret: a
-- booking is only ever read by its owner or an admin.
CREATE FUNCTION booking_reference(p_id bigint) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
  alphabet CONSTANT text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  keys CONSTANT bigint[] := ARRAY[740717, 281551, 916361, 502943];
  l bigint := (p_id >> 20) & 1048575;
  r bigint := p_id & 1048575;
  t bigint;
  v bigint;
  result text := '';
BEGIN
  IF p_id < 0 OR p_id >= 1099511627776 THEN
    RAISE EXCEPTION 'booking id % is outside 40 bits', p_id;
  END IF;
  FOR i IN 1 .. 4 LOOP
    t := r;
    r := l # (((r * 1103515245 + keys[i]) >> 7) & 1048575);
    l := t;
  END LOOP;
  v := (l << 20) | r;
  FOR i IN 1 .. 8 LOOP
    result := substr(alphabet, (v & 31)::int + 1, 1) || result;
    v := v >> 5;
  END LOOP;
  RETURN result;
END;
$$;

-- Set by the confirm (bookings.repository.ts confirmHold), in the same statement as the status; kept after a
-- cancel, so a cancelled receipt still reads the same reference. The CHECKs hold even if the code forgets:
-- every confirmed booking has one, and it is its id's. The unique index makes a lookup by reference one probe
-- (and, with the CHECK, uniqueness holds on a sharded table too, whose unique keys must include show_id:
-- deploy/citus).
ALTER TABLE bookings
  ADD COLUMN reference text,
  ADD CONSTRAINT bookings_reference_is_its_ids CHECK (reference IS NULL OR reference = booking_reference(id)),
  ADD CONSTRAINT bookings_confirmed_has_reference CHECK (status <> 'CONFIRMED' OR reference IS NOT NULL) NOT VALID;
UPDATE bookings SET reference = booking_reference(id) WHERE confirmed_at IS NOT NULL AND reference IS NULL;
ALTER TABLE bookings VALIDATE CONSTRAINT bookings_confirmed_has_reference;
CREATE UNIQUE INDEX bookings_reference_key ON bookings (reference);

-- Where a show takes place (a venue, an address): optional, shown with its name and time.
ALTER TABLE shows ADD COLUMN location text CHECK (char_length(location) BETWEEN 1 AND 300);

-- As in migration 1700000000010 (the waitlist's), plus the location at the end.
CREATE OR REPLACE VIEW live_shows AS
SELECT s.id, s.name, s.start_time, s.total_slots,
       s.available_slots + CASE WHEN waiting.has_waiters THEN 0 ELSE lapsed.slots END AS available_slots,
       s.version + lapsed.holds AS version, s.time_zone, s.series_id, s.location
FROM shows s
CROSS JOIN LATERAL (
  SELECT COALESCE(sum(b.quantity), 0)::int AS slots, count(*)::int AS holds FROM bookings b
  WHERE b.show_id = s.id AND hold_lapsed(b.status, b.expires_at)
) lapsed
CROSS JOIN LATERAL (
  SELECT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.show_id = s.id AND w.status = 'WAITING') AS has_waiters
) waiting;

-- Down Migration
DROP VIEW live_shows;
CREATE VIEW live_shows AS
SELECT s.id, s.name, s.start_time, s.total_slots,
       s.available_slots + CASE WHEN waiting.has_waiters THEN 0 ELSE lapsed.slots END AS available_slots,
       s.version + lapsed.holds AS version, s.time_zone, s.series_id
FROM shows s
CROSS JOIN LATERAL (
  SELECT COALESCE(sum(b.quantity), 0)::int AS slots, count(*)::int AS holds FROM bookings b
  WHERE b.show_id = s.id AND hold_lapsed(b.status, b.expires_at)
) lapsed
CROSS JOIN LATERAL (
  SELECT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.show_id = s.id AND w.status = 'WAITING') AS has_waiters
) waiting;
ALTER TABLE shows DROP COLUMN location;
DROP INDEX bookings_reference_key;
ALTER TABLE bookings DROP CONSTRAINT bookings_confirmed_has_reference, DROP CONSTRAINT bookings_reference_is_its_ids,
  DROP COLUMN reference;
DROP FUNCTION booking_reference(bigint);

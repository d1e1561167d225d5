-- Up Migration

-- Live availability, stated once (docs/decisions/0002). Everything that reads or changes availability goes
-- through the objects below; migration 1700000000001 restated the rule inline and is superseded here.

-- THE rule: a PENDING hold past expires_at is over and its slots are free, whether or not the sweeper has
-- stored EXPIRED yet. A plain SQL expression, so the planner inlines it and still uses the partial indexes
-- on (expires_at) WHERE status = 'PENDING'.
CREATE FUNCTION hold_lapsed(status text, expires_at timestamptz) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT status = 'PENDING' AND expires_at <= now() $$;

-- A booking's status as the world sees it: EXPIRED the moment its hold lapses.
CREATE FUNCTION live_booking_status(status text, expires_at timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN hold_lapsed(status, expires_at) THEN 'EXPIRED' ELSE status END $$;

-- Every show as the world sees it: the stored count plus the slots of holds that have lapsed since.
CREATE VIEW live_shows AS
SELECT s.id, s.name, s.start_time, s.total_slots,
       s.available_slots + (
         SELECT COALESCE(sum(b.quantity), 0)::int FROM bookings b
         WHERE b.show_id = s.id AND hold_lapsed(b.status, b.expires_at)
       ) AS available_slots
FROM shows s;

-- A show as a lock_show() call leaves it: locked, its lapsed holds reclaimed, and how many there were.
CREATE TYPE locked_show AS (id integer, name text, start_time timestamptz, total_slots integer,
                            available_slots integer, reclaimed_holds integer);

-- The one way to lock a show. Takes its row lock, then stores EXPIRED on its lapsed holds and gives their
-- slots back. Answers NULL for a show that does not exist. Scalar rather than set-returning, so the booking
-- path pays no set-function overhead while it holds a hot show's lock (ADR 0002 has the measurements).
CREATE FUNCTION lock_show(p_show_id integer) RETURNS locked_show
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

-- lock_show for a set of shows, in id order. With every caller locking through lock_show, locks are always
-- taken in one global order (show 1, its bookings, show 2, its bookings, ...), so no two transactions can
-- wait on each other in a circle. Missing ids are simply absent from the answer.
CREATE FUNCTION lock_shows(p_show_ids integer[]) RETURNS SETOF locked_show
LANGUAGE plpgsql
AS $$
DECLARE
  v_id     integer;
  v_locked locked_show;
BEGIN
  FOR v_id IN SELECT DISTINCT unnest(p_show_ids) ORDER BY 1 LOOP
    v_locked := lock_show(v_id);
    IF v_locked.id IS NOT NULL THEN
      RETURN NEXT v_locked;
    END IF;
  END LOOP;
END;
$$;

-- The booking transaction in one round trip (docs/decisions/0001), renamed from book_seats: the unit is a slot.
-- Refusals carry SQLSTATEs of our own (class letters outside the SQL standard's), which the bookings repository
-- translates: NOSHW no such show, STRTD the show has started, SLDOT too few slots left (DETAIL: slots left).
DROP FUNCTION book_seats(integer, integer, integer, integer);
CREATE FUNCTION book_slots(p_show_id integer, p_user_id integer, p_quantity integer, p_hold_seconds integer)
RETURNS SETOF bookings
LANGUAGE plpgsql
AS $$
DECLARE
  v_show locked_show;
BEGIN
  -- Every booking of this show queues on this lock: the check and the decrement below cannot interleave.
  v_show := lock_show(p_show_id);
  IF v_show.id IS NULL THEN
    RAISE EXCEPTION 'show % does not exist', p_show_id USING ERRCODE = 'NOSHW';
  END IF;
  IF v_show.start_time <= now() THEN
    RAISE EXCEPTION 'show % has started', p_show_id USING ERRCODE = 'STRTD';
  END IF;
  IF v_show.available_slots < p_quantity THEN
    -- Aborting also undoes lock_show's reclaim; reads count lapsed holds as free anyway.
    RAISE EXCEPTION 'only % slots left on show %', v_show.available_slots, p_show_id
      USING ERRCODE = 'SLDOT', DETAIL = v_show.available_slots::text;
  END IF;

  UPDATE shows SET available_slots = available_slots - p_quantity WHERE id = p_show_id;
  RETURN QUERY
    INSERT INTO bookings (user_id, show_id, quantity, expires_at)
    VALUES (p_user_id, p_show_id, p_quantity, now() + make_interval(secs => p_hold_seconds))
    RETURNING *;
END;
$$;

-- A show that anyone still holds or has confirmed slots on is never deleted, whatever the code does: its
-- bookings must be cancelled first. Finished bookings go with the show (ON DELETE CASCADE).
CREATE FUNCTION refuse_deleting_booked_show() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_active integer;
BEGIN
  SELECT count(*) INTO v_active FROM bookings b
  WHERE b.show_id = OLD.id AND live_booking_status(b.status, b.expires_at) IN ('PENDING', 'CONFIRMED');
  IF v_active > 0 THEN
    RAISE EXCEPTION 'show % has % active bookings', OLD.id, v_active USING ERRCODE = 'BOOKD', DETAIL = v_active::text;
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER shows_refuse_delete_when_booked BEFORE DELETE ON shows
FOR EACH ROW EXECUTE FUNCTION refuse_deleting_booked_show();

-- Down Migration
DROP TRIGGER shows_refuse_delete_when_booked ON shows;
DROP FUNCTION refuse_deleting_booked_show();
DROP FUNCTION book_slots(integer, integer, integer, integer);
DROP FUNCTION lock_shows(integer[]);
DROP FUNCTION lock_show(integer);
DROP TYPE locked_show;
DROP VIEW live_shows;
DROP FUNCTION live_booking_status(text, timestamptz);
DROP FUNCTION hold_lapsed(text, timestamptz);
-- book_seats exactly as migration 1700000000001 made it (it restates the rule; hold_lapsed is the one in force).
CREATE FUNCTION book_seats(p_show_id integer, p_user_id integer, p_quantity integer, p_hold_seconds integer)
RETURNS SETOF bookings
LANGUAGE plpgsql
AS $$
DECLARE
  v_show  shows%ROWTYPE;
  v_freed integer;
BEGIN
  -- Every booking of this show queues here: the check and the decrement below cannot interleave.
  SELECT * INTO v_show FROM shows WHERE id = p_show_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'show % does not exist', p_show_id USING ERRCODE = 'HF404';
  END IF;
  IF v_show.start_time <= now() THEN
    RAISE EXCEPTION 'show % has started', p_show_id USING ERRCODE = 'HF409';
  END IF;

  -- Holds past expires_at give their places back now instead of at the next sweep
  -- (lock order show -> bookings, the same as the sweeper and cancel).
  WITH lapsed AS (
    UPDATE bookings SET status = 'EXPIRED'
    WHERE show_id = p_show_id AND status = 'PENDING' AND expires_at <= now()
    RETURNING quantity
  )
  SELECT COALESCE(sum(quantity), 0)::int INTO v_freed FROM lapsed;

  IF v_show.available_slots + v_freed < p_quantity THEN
    -- Aborting also undoes the reclaim above; reads count lapsed holds as free anyway.
    RAISE EXCEPTION 'only % places left on show %', v_show.available_slots + v_freed, p_show_id
      USING ERRCODE = 'HF410', DETAIL = (v_show.available_slots + v_freed)::text;
  END IF;

  UPDATE shows SET available_slots = available_slots + v_freed - p_quantity WHERE id = p_show_id;
  RETURN QUERY
    INSERT INTO bookings (user_id, show_id, quantity, expires_at)
    VALUES (p_user_id, p_show_id, p_quantity, now() + make_interval(secs => p_hold_seconds))
    RETURNING *;
END;
$$;

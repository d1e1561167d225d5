-- Up Migration

-- Superseded by 1700000000002_one-availability-rule.sql (book_slots, hold_lapsed): kept as applied history.

-- The booking transaction as one server-side function, so a booking is one round trip and the show's row
-- lock is held only while PostgreSQL itself works, not across network round trips (docs/decisions/0001).
-- Outcomes other than success are raised with our own SQLSTATEs; the API's repository maps them:
--   HF404 no such show, HF409 show started, HF410 not enough places (DETAIL: places left).
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

-- Down Migration
DROP FUNCTION book_seats(integer, integer, integer, integer);

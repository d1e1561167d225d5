-- Up Migration

-- The waitlist with timed offers (docs/decisions/0018-waitlist-offers.md). An entry waits (WAITING) until the
-- places it asks for free up; it is then OFFERED a PENDING booking made for its user, and ends ACCEPTED (the
-- booking confirmed), DECLINED (cancelled), LAPSED (its hold expired) or LEFT (the user left the waitlist).
-- created_at (then id) is the order in which entries are served.
CREATE TABLE waitlist_entries (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  show_id    integer     NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
  user_id    integer     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The bookings table's own bound (MAX_QUANTITY in the contracts).
  quantity   integer     NOT NULL CHECK (quantity BETWEEN 1 AND 10),
  status     text        NOT NULL DEFAULT 'WAITING'
                         CHECK (status IN ('WAITING', 'OFFERED', 'ACCEPTED', 'DECLINED', 'LAPSED', 'LEFT')),
  booking_id integer     REFERENCES bookings (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  offered_at timestamptz,
  ended_at   timestamptz,
  CONSTRAINT waitlist_waiting_has_no_offer CHECK (status <> 'WAITING' OR (booking_id IS NULL AND offered_at IS NULL)),
  CONSTRAINT waitlist_offered_has_booking CHECK (status <> 'OFFERED' OR (booking_id IS NOT NULL AND offered_at IS NOT NULL)),
  CONSTRAINT waitlist_ended_has_time CHECK ((status IN ('WAITING', 'OFFERED')) = (ended_at IS NULL))
);
-- One live entry per user and show, whatever the code does.
CREATE UNIQUE INDEX waitlist_entries_one_live_idx ON waitlist_entries (show_id, user_id)
  WHERE status IN ('WAITING', 'OFFERED');
-- An offer is one booking, and a booking answers at most one offer.
CREATE UNIQUE INDEX waitlist_entries_booking_idx ON waitlist_entries (booking_id) WHERE booking_id IS NOT NULL;
-- serve_waitlist's walk, in order.
CREATE INDEX waitlist_entries_waiting_idx ON waitlist_entries (show_id, created_at, id) WHERE status = 'WAITING';
CREATE INDEX waitlist_entries_user_idx ON waitlist_entries (user_id, created_at DESC);

-- An offer's booking settles its entry, however it settles (POST /bookings/confirm, a cancel, lock_show's reclaim,
-- the sweeper): one trigger, so no path that changes a booking can forget it. Only an OFFERED entry moves, so
-- leave_waitlist (which sets LEFT first, then cancels the booking) keeps LEFT.
CREATE FUNCTION settle_waitlist_offer() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE waitlist_entries SET
    status = CASE NEW.status WHEN 'CONFIRMED' THEN 'ACCEPTED' WHEN 'CANCELLED' THEN 'DECLINED' ELSE 'LAPSED' END,
    ended_at = now()
  WHERE booking_id = NEW.id AND status = 'OFFERED';
  RETURN NULL;
END;
$$;
CREATE TRIGGER bookings_settle_waitlist_offer AFTER UPDATE OF status ON bookings
FOR EACH ROW WHEN (OLD.status = 'PENDING' AND NEW.status <> 'PENDING')
EXECUTE FUNCTION settle_waitlist_offer();

-- How long an offer is held: the session setting holdfast.waitlist_offer_seconds (WAITLIST_OFFER_SECONDS, which
-- the API sets on each of its connections), else 900.
CREATE FUNCTION waitlist_offer_seconds() RETURNS integer
LANGUAGE sql STABLE
AS $$ SELECT COALESCE(NULLIF(current_setting('holdfast.waitlist_offer_seconds', true), '')::integer, 900) $$;

-- Gives a locked show's free places to its waitlist, in order: each next WAITING entry that fits what is left
-- gets a PENDING booking for its user (the offer) and becomes OFFERED; one too big keeps its place for later.
-- The caller holds the show's row lock (lock_show), so the places go from free to offered inside the lock and
-- never look free to anyone else. Each offer is NOTIFYed on holdfast_waitlist_offer, which PostgreSQL delivers
-- only on COMMIT: every API instance hears it once and tells its own sockets of that user. The per-user hold cap
-- (MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW) is not applied: an offer is the system's hold, not one the user grabbed.
-- Answers how many offers were made.
CREATE FUNCTION serve_waitlist(p_show_id integer) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
  v_avail   integer;
  v_start   timestamptz;
  v_offers  integer := 0;
  v_entry   record;
  v_booking bookings%ROWTYPE;
  v_actor   text;
BEGIN
  -- The common case, no one waiting, costs one probe of a partial index.
  IF NOT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.show_id = p_show_id AND w.status = 'WAITING') THEN
    RETURN 0;
  END IF;
  SELECT s.available_slots, s.start_time INTO v_avail, v_start FROM shows s WHERE s.id = p_show_id;
  IF v_avail IS NULL OR v_avail = 0 OR v_start <= now() THEN
    RETURN 0;
  END IF;
  FOR v_entry IN
    SELECT w.id, w.user_id, w.quantity FROM waitlist_entries w
    WHERE w.show_id = p_show_id AND w.status = 'WAITING' AND w.quantity <= v_avail
    ORDER BY w.created_at, w.id
    FOR UPDATE
  LOOP
    CONTINUE WHEN v_entry.quantity > v_avail;
    -- The offer is the system's doing, not its user's nor the caller's (whose cancel freed the places): the
    -- audit trail (migration 1700000000011) reads the actor from this setting, restored right after.
    v_actor := current_setting('holdfast.actor', true);
    PERFORM set_config('holdfast.actor', 'system', true);
    INSERT INTO bookings (user_id, show_id, quantity, expires_at)
    VALUES (v_entry.user_id, p_show_id, v_entry.quantity, now() + make_interval(secs => waitlist_offer_seconds()))
    RETURNING * INTO v_booking;
    PERFORM set_config('holdfast.actor', COALESCE(v_actor, ''), true);
    UPDATE waitlist_entries SET status = 'OFFERED', booking_id = v_booking.id, offered_at = now()
    WHERE id = v_entry.id;
    v_avail := v_avail - v_entry.quantity;
    v_offers := v_offers + 1;
    PERFORM pg_notify('holdfast_waitlist_offer', json_build_object(
      'userId', v_entry.user_id, 'bookingId', v_booking.id, 'showId', p_show_id, 'quantity', v_entry.quantity,
      'expiresAt', to_char(v_booking.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text);
    EXIT WHEN v_avail = 0;
  END LOOP;
  IF v_offers > 0 THEN
    UPDATE shows SET available_slots = v_avail WHERE id = p_show_id;
  END IF;
  RETURN v_offers;
END;
$$;

-- As in migration 1700000000007, and then the waitlist is served: every locker goes through here (book_slots,
-- book_batch, the sweepers, cancel, a resize), so places a reclaim frees go to the waitlist before anyone else
-- can take them. The answer is the show as it stands after the offers.
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
  IF serve_waitlist(p_show_id) > 0 OR v_holds > 0 THEN
    SELECT * INTO v_show FROM shows WHERE id = p_show_id;
  END IF;
  RETURN ROW(v_show.id, v_show.name, v_show.start_time, v_show.total_slots, v_show.available_slots,
             v_holds, v_show.version)::locked_show;
END;
$$;

-- As in migration 1700000000009, except that a show with people waiting does not count its lapsed holds as free:
-- those places go to the waitlist when they are reclaimed (within a moment: the precise sweep), so they must
-- not look free to others meanwhile. The version still counts them, so it moves on exactly as before.
CREATE OR REPLACE VIEW live_shows AS
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

-- Joins the waitlist under the show's lock. SQLSTATEs as book_slots': NOSHW, STRTD; PLACE when the show can
-- fit the quantity now (DETAIL: places free); WAITS when the user already has a live entry (DETAIL: its id).
CREATE FUNCTION join_waitlist(p_show_id integer, p_user_id integer, p_quantity integer)
RETURNS SETOF waitlist_entries
LANGUAGE plpgsql
AS $$
DECLARE
  v_show locked_show;
  v_live integer;
BEGIN
  v_show := lock_show(p_show_id);
  IF v_show.id IS NULL THEN
    RAISE EXCEPTION 'show % does not exist', p_show_id USING ERRCODE = 'NOSHW';
  END IF;
  IF v_show.start_time <= now() THEN
    RAISE EXCEPTION 'show % has started', p_show_id USING ERRCODE = 'STRTD';
  END IF;
  SELECT w.id INTO v_live FROM waitlist_entries w
  WHERE w.show_id = p_show_id AND w.user_id = p_user_id AND w.status IN ('WAITING', 'OFFERED');
  IF FOUND THEN
    RAISE EXCEPTION 'user % already waits for show %', p_user_id, p_show_id USING ERRCODE = 'WAITS',
      DETAIL = v_live::text;
  END IF;
  IF v_show.available_slots >= p_quantity THEN
    RAISE EXCEPTION 'show % has % places free', p_show_id, v_show.available_slots USING ERRCODE = 'PLACE',
      DETAIL = v_show.available_slots::text;
  END IF;
  RETURN QUERY INSERT INTO waitlist_entries (show_id, user_id, quantity) VALUES (p_show_id, p_user_id, p_quantity)
    RETURNING *;
END;
$$;

-- Leaves the waitlist under the show's lock: the live entry becomes LEFT; an offer's PENDING booking is
-- cancelled and its places pass on to the next entries at once. SQLSTATE NOWTL: no live entry (or no show).
CREATE FUNCTION leave_waitlist(p_show_id integer, p_user_id integer)
RETURNS SETOF waitlist_entries
LANGUAGE plpgsql
AS $$
DECLARE
  v_show  locked_show;
  v_entry waitlist_entries%ROWTYPE;
  v_freed integer;
BEGIN
  v_show := lock_show(p_show_id);
  UPDATE waitlist_entries w SET status = 'LEFT', ended_at = now()
  WHERE w.show_id = p_show_id AND w.user_id = p_user_id AND w.status IN ('WAITING', 'OFFERED')
  RETURNING * INTO v_entry;
  IF v_show.id IS NULL OR v_entry.id IS NULL THEN
    RAISE EXCEPTION 'user % is not waiting for show %', p_user_id, p_show_id USING ERRCODE = 'NOWTL';
  END IF;
  IF v_entry.booking_id IS NOT NULL THEN
    -- lock_show expired it if it had lapsed; a live offer is cancelled and its places released.
    UPDATE bookings b SET status = 'CANCELLED', cancelled_at = now()
    WHERE b.show_id = p_show_id AND b.id = v_entry.booking_id AND b.status = 'PENDING'
    RETURNING b.quantity INTO v_freed;
    IF v_freed IS NOT NULL THEN
      UPDATE shows SET available_slots = available_slots + v_freed WHERE id = p_show_id;
      PERFORM serve_waitlist(p_show_id);
    END IF;
  END IF;
  RETURN NEXT v_entry;
END;
$$;

-- Down Migration
DROP FUNCTION leave_waitlist(integer, integer);
DROP FUNCTION join_waitlist(integer, integer, integer);
CREATE OR REPLACE VIEW live_shows AS
SELECT s.id, s.name, s.start_time, s.total_slots, s.available_slots + lapsed.slots AS available_slots,
       s.version + lapsed.holds AS version, s.time_zone, s.series_id
FROM shows s
CROSS JOIN LATERAL (
  SELECT COALESCE(sum(b.quantity), 0)::int AS slots, count(*)::int AS holds FROM bookings b
  WHERE b.show_id = s.id AND hold_lapsed(b.status, b.expires_at)
) lapsed;
-- lock_show exactly as migration 1700000000007 made it.
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
DROP FUNCTION serve_waitlist(integer);
DROP FUNCTION waitlist_offer_seconds();
DROP TRIGGER bookings_settle_waitlist_offer ON bookings;
DROP FUNCTION settle_waitlist_offer();
DROP TABLE waitlist_entries;

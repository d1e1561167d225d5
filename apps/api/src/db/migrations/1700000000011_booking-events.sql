-- Up Migration

-- The audit trail (docs/decisions/0019-audit-trail-in-triggers.md): one row per thing that happened to a booking,
-- a waitlist entry or a show, written by triggers in the transaction of the change itself, so every path (the
-- booking functions, lock_show's reclaim, the sweeper, code that forgets) records it, and a rolled-back change
-- records nothing. Append-only. No foreign keys: the history outlives the show, the booking and the user.
CREATE TABLE booking_events (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  kind        text        NOT NULL CHECK (kind IN (
                'HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'WAITLIST_JOINED', 'WAITLIST_LEFT', 'OFFERED',
                'SHOW_CREATED', 'SHOW_EDITED', 'SHOW_DELETED')),
  show_id     integer     NOT NULL,
  booking_id  integer,
  -- Whose booking or waitlist entry it is (not necessarily who acted).
  user_id     integer,
  quantity    integer     CHECK (quantity > 0),
  actor_kind  text        NOT NULL CHECK (actor_kind IN ('user', 'admin', 'system')),
  actor_id    integer,
  details     jsonb,
  CONSTRAINT booking_events_actor_named CHECK ((actor_kind = 'system') = (actor_id IS NULL)),
  CONSTRAINT booking_events_booking_named
    CHECK (kind NOT IN ('HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'OFFERED') OR booking_id IS NOT NULL)
);
CREATE INDEX booking_events_show_idx ON booking_events (show_id, id);
CREATE INDEX booking_events_booking_idx ON booking_events (booking_id, id) WHERE booking_id IS NOT NULL;

CREATE FUNCTION refuse_booking_event_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'booking_events is append-only: % refused', TG_OP USING ERRCODE = 'APPND';
END;
$$;
CREATE TRIGGER booking_events_append_only BEFORE UPDATE OR DELETE ON booking_events
  FOR EACH ROW EXECUTE FUNCTION refuse_booking_event_change();
CREATE TRIGGER booking_events_no_truncate BEFORE TRUNCATE ON booking_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_booking_event_change();

-- Who is acting in this transaction: set by the API through set_config('holdfast.actor', 'admin:7', true)
-- (platform/actor.ts), so it ends with the transaction. No row when nothing set it; each writer has a default.
CREATE FUNCTION current_actor() RETURNS TABLE (kind text, id integer)
LANGUAGE sql STABLE
AS $$
  SELECT split_part(a, ':', 1), nullif(split_part(a, ':', 2), '')::integer
  FROM nullif(current_setting('holdfast.actor', true), '') a
$$;

-- The one writer for events no trigger sees (the waitlist's joins, leaves and offers). Actor: the transaction's,
-- else the entry's user, else the system.
CREATE FUNCTION record_booking_event(
  p_kind text, p_show_id integer, p_booking_id integer, p_user_id integer, p_quantity integer,
  p_details jsonb DEFAULT NULL
) RETURNS void
LANGUAGE sql
AS $$
  INSERT INTO booking_events (kind, show_id, booking_id, user_id, quantity, actor_kind, actor_id, details)
  SELECT p_kind, p_show_id, p_booking_id, p_user_id, p_quantity,
         COALESCE(a.kind, CASE WHEN p_user_id IS NULL THEN 'system' ELSE 'user' END),
         CASE WHEN a.kind IS NULL THEN p_user_id ELSE a.id END, p_details
  FROM (SELECT 1) one LEFT JOIN current_actor() a ON true
$$;

-- Statement-level, with transition tables: book_batch inserts a whole batch, and lock_show expires every lapsed
-- hold of a show, in one statement each; one trigger call then writes all their events in one INSERT.
-- A booking's status names its event. A new hold is its user's doing (or the system's, when the transaction
-- says so: a waitlist offer); an expiry is always the system's; a confirm or a cancel is the transaction's
-- actor, else the booking's user.
CREATE FUNCTION booking_status_event(p_status text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE p_status WHEN 'PENDING' THEN 'HELD' ELSE p_status END $$;

CREATE FUNCTION record_bookings_inserted() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO booking_events (kind, show_id, booking_id, user_id, quantity, actor_kind, actor_id)
  SELECT booking_status_event(n.status), n.show_id, n.id, n.user_id, n.quantity,
         CASE WHEN a.kind = 'system' THEN 'system' ELSE 'user' END,
         CASE WHEN a.kind = 'system' THEN NULL ELSE n.user_id END
  FROM inserted n LEFT JOIN current_actor() a ON true
  ORDER BY n.id;
  RETURN NULL;
END;
$$;

CREATE FUNCTION record_bookings_status_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO booking_events (kind, show_id, booking_id, user_id, quantity, actor_kind, actor_id)
  SELECT booking_status_event(n.status), n.show_id, n.id, n.user_id, n.quantity,
         CASE WHEN n.status = 'EXPIRED' THEN 'system' ELSE COALESCE(a.kind, 'user') END,
         CASE WHEN n.status = 'EXPIRED' THEN NULL WHEN a.kind IS NULL THEN n.user_id ELSE a.id END
  FROM updated n
  JOIN previous o ON o.show_id = n.show_id AND o.id = n.id
  LEFT JOIN current_actor() a ON true
  WHERE n.status IS DISTINCT FROM o.status
  ORDER BY n.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER bookings_record_inserted AFTER INSERT ON bookings
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION record_bookings_inserted();
CREATE TRIGGER bookings_record_status AFTER UPDATE ON bookings
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated
  FOR EACH STATEMENT EXECUTE FUNCTION record_bookings_status_changed();

-- A show's fields an admin sets: every column but the counters bookings move (available_slots, version), so a
-- column added later (a time zone, a series) is audited without touching this.
CREATE FUNCTION show_fields(p_show shows) RETURNS jsonb
LANGUAGE sql STABLE
AS $$ SELECT to_jsonb(p_show) - 'id' - 'available_slots' - 'version' - 'created_at' $$;

-- Admin edits of a show, row by row (they are few): created and deleted with the show's fields, edited with the
-- changed fields before and after. Actor: the transaction's, else the system (a script, psql).
CREATE FUNCTION record_show_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_show    shows;
  v_kind    text;
  v_details jsonb;
  v_before  jsonb;
  v_after   jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    v_show := NEW;  v_kind := 'SHOW_CREATED';  v_details := show_fields(NEW);
  ELSIF TG_OP = 'DELETE' THEN
    v_show := OLD;  v_kind := 'SHOW_DELETED';  v_details := show_fields(OLD);
  ELSE
    v_show := NEW;  v_kind := 'SHOW_EDITED';
    v_before := show_fields(OLD);  v_after := show_fields(NEW);
    SELECT jsonb_build_object('before', jsonb_object_agg(b.key, b.value), 'after', jsonb_object_agg(b.key, v_after -> b.key))
    INTO v_details
    FROM jsonb_each(v_before) b WHERE b.value IS DISTINCT FROM v_after -> b.key;
  END IF;
  INSERT INTO booking_events (kind, show_id, actor_kind, actor_id, details)
  SELECT v_kind, v_show.id, COALESCE(a.kind, 'system'), a.id, v_details
  FROM (SELECT 1) one LEFT JOIN current_actor() a ON true;
  RETURN NULL;
END;
$$;
CREATE TRIGGER shows_record_created AFTER INSERT ON shows FOR EACH ROW EXECUTE FUNCTION record_show_change();
CREATE TRIGGER shows_record_deleted AFTER DELETE ON shows FOR EACH ROW EXECUTE FUNCTION record_show_change();
-- The WHEN keeps the function out of the hot path: a booking's UPDATE of the counters never calls it.
CREATE TRIGGER shows_record_edited AFTER UPDATE ON shows FOR EACH ROW
  WHEN (show_fields(OLD) IS DISTINCT FROM show_fields(NEW)) EXECUTE FUNCTION record_show_change();

-- Down Migration
DROP TRIGGER shows_record_edited ON shows;
DROP TRIGGER shows_record_deleted ON shows;
DROP TRIGGER shows_record_created ON shows;
DROP FUNCTION record_show_change();
DROP FUNCTION show_fields(shows);
DROP TRIGGER bookings_record_status ON bookings;
DROP TRIGGER bookings_record_inserted ON bookings;
DROP FUNCTION record_bookings_status_changed();
DROP FUNCTION record_bookings_inserted();
DROP FUNCTION booking_status_event(text);
DROP FUNCTION record_booking_event(text, integer, integer, integer, integer, jsonb);
DROP FUNCTION current_actor();
DROP TABLE booking_events;
DROP FUNCTION refuse_booking_event_change();

-- Up Migration

-- People still WAITING for a show that is deleted are told by email (ADR 0020), in the delete's own transaction:
-- their entries go with the show (ON DELETE CASCADE), so a trigger BEFORE the delete, which still sees them,
-- queues one email per entry. A trigger catches every path (DELETE /shows/:id, a series' deletion, psql), and a
-- refused or rolled-back delete queues nothing.

-- An outbox row tells of a booking or, now, of a waitlist entry (which has no booking while it waits): exactly one
-- of the two, each a reference without a foreign key (both are gone when the email goes). A kind names its
-- subject, so the sender knows the payload's shape.
ALTER TABLE email_outbox
  ALTER COLUMN booking_id DROP NOT NULL,
  ADD COLUMN waitlist_entry_id integer,
  DROP CONSTRAINT email_outbox_kind_check,
  ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN (
    'BOOKING_CONFIRMED', 'WAITLIST_OFFER', 'BOOKING_CANCELLED', 'WAITLIST_SHOW_CANCELLED')),
  ADD CONSTRAINT email_outbox_one_subject CHECK ((booking_id IS NULL) <> (waitlist_entry_id IS NULL)),
  ADD CONSTRAINT email_outbox_kind_names_subject
    CHECK ((kind = 'WAITLIST_SHOW_CANCELLED') = (waitlist_entry_id IS NOT NULL));
-- An entry gets each kind of email once (email_outbox_once_per_booking does the same for bookings; its NULLs
-- never clash).
CREATE UNIQUE INDEX email_outbox_once_per_waitlist_entry ON email_outbox (kind, waitlist_entry_id)
  WHERE waitlist_entry_id IS NOT NULL;

-- The audit trail (migration 1700000000011) records the entry's end: neither the person's leaving nor an offer.
ALTER TABLE booking_events
  DROP CONSTRAINT booking_events_kind_check,
  ADD CONSTRAINT booking_events_kind_check CHECK (kind IN (
    'HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'WAITLIST_JOINED', 'WAITLIST_LEFT', 'OFFERED', 'WAITLIST_CANCELLED',
    'SHOW_CREATED', 'SHOW_EDITED', 'SHOW_DELETED'));

-- What the email shows of a waitlist entry, as booking_mail_data (migration 12) does of a booking: copied when it
-- is queued, since the show is gone when it is sent. Names the show too (one partition, ADR 0013).
CREATE FUNCTION waitlist_mail_data(p_show_id integer, p_entry_id integer)
RETURNS TABLE (user_id integer, status text, recipient text, payload jsonb)
LANGUAGE sql
STABLE
AS $$
  SELECT w.user_id, w.status, u.email, jsonb_build_object(
           'recipientName', u.name,
           'entryId', w.id,
           'showId', s.id,
           'showName', s.name,
           'startTime', to_char(s.start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'timeZone', s.time_zone,
           'quantity', w.quantity)
    FROM waitlist_entries w
    JOIN shows s ON s.id = w.show_id
    JOIN users u ON u.id = w.user_id
   WHERE w.show_id = p_show_id AND w.id = p_entry_id AND s.id = p_show_id
$$;

-- Deleting a show tells each person still WAITING for it, and records the end of their entry, by the deleting
-- transaction's actor (an admin), else the system. Only WAITING: an OFFERED entry has a PENDING booking, which
-- refuses the delete (shows_refuse_delete_when_booked) unless the deleter cancels it first (a series' deletion
-- with cancelBookings), which makes the entry DECLINED and emails BOOKING_CANCELLED: one email, not two. An offer
-- whose email is still unsent (made by this very transaction's lock_show, or waiting for the mail server) is not
-- sent at all: it would open a show that is gone. The show's row is locked by the delete, and every change to its
-- entries (join, leave, offer) happens under that lock, so none slips in between.
CREATE FUNCTION tell_waiters_show_deleted() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_queued integer;
BEGIN
  DELETE FROM email_outbox o
  WHERE o.kind = 'WAITLIST_OFFER' AND o.status = 'QUEUED' AND o.attempts = 0
    AND o.booking_id IN (SELECT b.id FROM bookings b WHERE b.show_id = OLD.id);
  IF NOT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.show_id = OLD.id AND w.status = 'WAITING') THEN
    RETURN OLD;
  END IF;
  INSERT INTO booking_events (kind, show_id, user_id, quantity, actor_kind, actor_id, details)
  SELECT 'WAITLIST_CANCELLED', OLD.id, w.user_id, w.quantity, COALESCE(a.kind, 'system'), a.id,
         jsonb_build_object('entryId', w.id)
  FROM waitlist_entries w LEFT JOIN current_actor() a ON true
  WHERE w.show_id = OLD.id AND w.status = 'WAITING'
  ORDER BY w.created_at, w.id;
  INSERT INTO email_outbox (kind, waitlist_entry_id, recipient, payload)
  SELECT 'WAITLIST_SHOW_CANCELLED', w.id, d.recipient, d.payload
  FROM waitlist_entries w CROSS JOIN LATERAL waitlist_mail_data(OLD.id, w.id) d
  WHERE w.show_id = OLD.id AND w.status = 'WAITING'
  ORDER BY w.created_at, w.id
  ON CONFLICT (kind, waitlist_entry_id) WHERE waitlist_entry_id IS NOT NULL DO NOTHING;
  GET DIAGNOSTICS v_queued = ROW_COUNT;
  IF v_queued > 0 THEN
    -- The senders' nudge, as enqueue_email's: delivered at COMMIT only.
    PERFORM pg_notify('email_outbox', '');
  END IF;
  RETURN OLD;
END;
$$;
-- BEFORE triggers fire in name order: this one after shows_refuse_delete_when_booked, so a refused delete does no
-- work (and a refusal rolls back the statement, with whatever was queued, in any case).
CREATE TRIGGER shows_tell_waiters_before_delete BEFORE DELETE ON shows
FOR EACH ROW EXECUTE FUNCTION tell_waiters_show_deleted();

-- Down Migration
DROP TRIGGER shows_tell_waiters_before_delete ON shows;
DROP FUNCTION tell_waiters_show_deleted();
DROP FUNCTION waitlist_mail_data(integer, integer);
DELETE FROM email_outbox WHERE waitlist_entry_id IS NOT NULL;
DROP INDEX email_outbox_once_per_waitlist_entry;
ALTER TABLE email_outbox
  DROP CONSTRAINT email_outbox_kind_names_subject,
  DROP CONSTRAINT email_outbox_one_subject,
  DROP CONSTRAINT email_outbox_kind_check,
  ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN ('BOOKING_CONFIRMED', 'WAITLIST_OFFER', 'BOOKING_CANCELLED')),
  DROP COLUMN waitlist_entry_id,
  ALTER COLUMN booking_id SET NOT NULL;
-- booking_events is append-only: its WAITLIST_CANCELLED events stay, so the old CHECK comes back NOT VALID.
ALTER TABLE booking_events
  DROP CONSTRAINT booking_events_kind_check,
  ADD CONSTRAINT booking_events_kind_check CHECK (kind IN (
    'HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'WAITLIST_JOINED', 'WAITLIST_LEFT', 'OFFERED',
    'SHOW_CREATED', 'SHOW_EDITED', 'SHOW_DELETED')) NOT VALID;

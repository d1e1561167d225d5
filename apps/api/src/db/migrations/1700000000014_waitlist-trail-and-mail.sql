-- Up Migration

-- The waitlist in the audit trail (migration 1700000000011) and the outbox (migration 1700000000012), by trigger
-- like the bookings', so every path that moves an entry (join_waitlist, leave_waitlist, serve_waitlist under any
-- show lock, settle_waitlist_offer) records it in its own transaction:
--   a new entry                  -> WAITLIST_JOINED, by the transaction's actor, else the entry's user;
--   WAITING/OFFERED -> LEFT      -> WAITLIST_LEFT, likewise;
--   WAITING -> OFFERED           -> OFFERED, by the system, and the offer's email (a link that opens it).
-- An offer's end (ACCEPTED, DECLINED, LAPSED) is its booking's CONFIRMED, CANCELLED or EXPIRED event already.
CREATE FUNCTION record_waitlist_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM record_booking_event('WAITLIST_JOINED', NEW.show_id, NULL, NEW.user_id, NEW.quantity,
                                 jsonb_build_object('entryId', NEW.id));
  ELSIF NEW.status = 'LEFT' THEN
    PERFORM record_booking_event('WAITLIST_LEFT', NEW.show_id, NEW.booking_id, NEW.user_id, NEW.quantity,
                                 jsonb_build_object('entryId', NEW.id));
  ELSIF NEW.status = 'OFFERED' THEN
    INSERT INTO booking_events (kind, show_id, booking_id, user_id, quantity, actor_kind, actor_id, details)
    VALUES ('OFFERED', NEW.show_id, NEW.booking_id, NEW.user_id, NEW.quantity, 'system', NULL,
            jsonb_build_object('entryId', NEW.id));
    PERFORM enqueue_email('WAITLIST_OFFER', NEW.show_id, NEW.booking_id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER waitlist_entries_record_joined AFTER INSERT ON waitlist_entries
  FOR EACH ROW EXECUTE FUNCTION record_waitlist_change();
CREATE TRIGGER waitlist_entries_record_status AFTER UPDATE OF status ON waitlist_entries
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION record_waitlist_change();

-- Down Migration
DROP TRIGGER waitlist_entries_record_status ON waitlist_entries;
DROP TRIGGER waitlist_entries_record_joined ON waitlist_entries;
DROP FUNCTION record_waitlist_change();

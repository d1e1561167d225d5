-- Up Migration

-- The outbox of ADR 0020: an email is a row written in the same transaction as the change it tells of, so a
-- rolled-back change sends nothing and a committed one is never lost; a job sends the rows afterwards. What an
-- email shows is copied into `payload` when it is queued: the booking may be gone when it is sent (deleting a
-- show deletes its bookings), so booking_id is a reference with no foreign key.
CREATE TABLE email_outbox (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind            text        NOT NULL CHECK (kind IN ('BOOKING_CONFIRMED', 'WAITLIST_OFFER', 'BOOKING_CANCELLED')),
  booking_id      integer     NOT NULL,
  recipient       text        NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
  payload         jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
  status          text        NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
  attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  last_error      text        CHECK (length(last_error) <= 1000),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT email_outbox_sent_has_time CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
-- A booking gets each kind of email once: a repeated confirm, offer or cancellation queues nothing more.
CREATE UNIQUE INDEX email_outbox_once_per_booking ON email_outbox (kind, booking_id);
-- The sender's scan: queued rows that are due, oldest first.
CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE status = 'QUEUED';

-- What an email (or a booking's calendar file) shows of a booking, as it stands: one place for the shape. It
-- names the show as well as the booking, so that it reads the show's partition only (ADR 0013).
CREATE FUNCTION booking_mail_data(p_show_id integer, p_booking_id integer)
RETURNS TABLE (user_id integer, status text, recipient text, payload jsonb)
LANGUAGE sql
STABLE
AS $$
  SELECT b.user_id, b.status, u.email, jsonb_build_object(
           'recipientName', u.name,
           'bookingId', b.id,
           'showId', s.id,
           'showName', s.name,
           'startTime', to_char(s.start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           -- The show's zone (migration 9; DEFAULT_TIME_ZONE when the admin gave none).
           'timeZone', s.time_zone,
           'quantity', b.quantity,
           'holdExpiresAt', to_char(b.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    FROM bookings b
    JOIN shows s ON s.id = b.show_id
    JOIN users u ON u.id = b.user_id
   WHERE b.show_id = p_show_id AND b.id = p_booking_id AND s.id = p_show_id
$$;

-- The one way to queue an email, from TypeScript or from SQL (a waitlist offer made inside a function): call it
-- inside the transaction of the change. It copies what the email shows from the booking as it stands, and
-- NOTIFYs the senders, which PostgreSQL delivers at COMMIT only. Answers the row's id, or NULL when the booking
-- does not exist or already had this kind of email.
CREATE FUNCTION enqueue_email(p_kind text, p_show_id integer, p_booking_id integer)
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
  v_id bigint;
BEGIN
  INSERT INTO email_outbox (kind, booking_id, recipient, payload)
  SELECT p_kind, p_booking_id, d.recipient, d.payload FROM booking_mail_data(p_show_id, p_booking_id) d
  ON CONFLICT (kind, booking_id) DO NOTHING
  RETURNING id INTO v_id;
  IF v_id IS NOT NULL THEN
    PERFORM pg_notify('email_outbox', '');
  END IF;
  RETURN v_id;
END;
$$;

-- Down Migration

DROP FUNCTION enqueue_email(text, integer, integer);
DROP FUNCTION booking_mail_data(integer, integer);
DROP TABLE email_outbox;

-- Up Migration

-- Idempotency-Key (platform/idempotency.ts). A row is claimed at the start of the request's transaction and
-- answered (the first 2xx status and body) before it commits, so a crash keeps the key and its effect, or
-- neither. A retry that inserts the same key while the first is still running waits on this primary key
-- until the first commits (and is replayed) or rolls back (and is judged afresh).
CREATE TABLE idempotency_keys (
  user_id         integer     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key             text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  -- sha256 of method, path and body: the same key for another request is refused, not replayed.
  fingerprint     text        NOT NULL CHECK (length(fingerprint) = 64),
  response_status smallint    CHECK (response_status BETWEEN 200 AND 299),
  response_body   json,  -- json keeps the body byte for byte (jsonb would reorder its keys)
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key),
  CONSTRAINT idempotency_keys_answer_whole CHECK ((response_status IS NULL) = (response_body IS NULL))
);
-- The 24-hour purge scans by age.
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

-- No claim commits unanswered, whatever the code does: a key without its answer could never be replayed.
CREATE FUNCTION refuse_unanswered_idempotency_key() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM idempotency_keys
             WHERE user_id = NEW.user_id AND key = NEW.key AND response_status IS NULL) THEN
    RAISE EXCEPTION 'idempotency key % of user % committed without its response', NEW.key, NEW.user_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER idempotency_keys_answered
  AFTER INSERT OR UPDATE ON idempotency_keys
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION refuse_unanswered_idempotency_key();

-- The hold cap's count: one user's live holds on one show, without scanning everyone's holds on a busy show.
CREATE INDEX bookings_user_show_pending_idx ON bookings (user_id, show_id) WHERE status = 'PENDING';

-- book_slots gains the per-user hold cap (MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW, 0 = unlimited). It is counted
-- under the show's row lock, after lock_show has expired lapsed holds, so stored PENDING means live and two
-- racing requests of one user cannot both pass. Otherwise as in migration 1700000000002.
DROP FUNCTION book_slots(integer, integer, integer, integer);
CREATE FUNCTION book_slots(
  p_show_id integer, p_user_id integer, p_quantity integer, p_hold_seconds integer, p_max_holds integer
)
RETURNS SETOF bookings
LANGUAGE plpgsql
AS $$
DECLARE
  v_show locked_show;
  v_holds integer[];
BEGIN
  -- Every booking of this show queues on this lock: the checks and the decrement below cannot interleave.
  v_show := lock_show(p_show_id);
  IF v_show.id IS NULL THEN
    RAISE EXCEPTION 'show % does not exist', p_show_id USING ERRCODE = 'NOSHW';
  END IF;
  IF v_show.start_time <= now() THEN
    RAISE EXCEPTION 'show % has started', p_show_id USING ERRCODE = 'STRTD';
  END IF;
  IF p_max_holds > 0 THEN
    SELECT array_agg(id ORDER BY created_at DESC, id DESC) INTO v_holds
    FROM bookings WHERE show_id = p_show_id AND user_id = p_user_id AND status = 'PENDING';
    IF cardinality(v_holds) >= p_max_holds THEN
      -- DETAIL names the newest hold, which the client resumes.
      RAISE EXCEPTION 'user % already holds places on show %', p_user_id, p_show_id
        USING ERRCODE = 'HOLDX', DETAIL = v_holds[1]::text;
    END IF;
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

-- Down Migration
DROP FUNCTION book_slots(integer, integer, integer, integer, integer);
-- book_slots exactly as migration 1700000000002 made it.
CREATE FUNCTION book_slots(p_show_id integer, p_user_id integer, p_quantity integer, p_hold_seconds integer)
RETURNS SETOF bookings
LANGUAGE plpgsql
AS $$
DECLARE
  v_show locked_show;
BEGIN
  v_show := lock_show(p_show_id);
  IF v_show.id IS NULL THEN
    RAISE EXCEPTION 'show % does not exist', p_show_id USING ERRCODE = 'NOSHW';
  END IF;
  IF v_show.start_time <= now() THEN
    RAISE EXCEPTION 'show % has started', p_show_id USING ERRCODE = 'STRTD';
  END IF;
  IF v_show.available_slots < p_quantity THEN
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
DROP INDEX bookings_user_show_pending_idx;
DROP TRIGGER idempotency_keys_answered ON idempotency_keys;
DROP FUNCTION refuse_unanswered_idempotency_key();
DROP TABLE idempotency_keys;

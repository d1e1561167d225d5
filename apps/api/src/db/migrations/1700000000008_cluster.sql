-- Up Migration

-- @socket.io/postgres-adapter (ADR 0015) sends a cluster message over NOTIFY, whose payload PostgreSQL caps at
-- 8000 bytes; a larger one (a flush touching many shows) is stored here and only its id is NOTIFYed. Every API
-- instance deletes rows older than the adapter's cleanupInterval (30 s): a receiver reads a row within
-- milliseconds of its NOTIFY. The adapter's documented schema; created here, never at run time.
CREATE TABLE socket_io_attachments (
  id         bigserial UNIQUE,
  created_at timestamptz DEFAULT now(),
  payload    bytea
);
CREATE INDEX socket_io_attachments_created_at ON socket_io_attachments (created_at);

-- The precise expiry sweep (ADR 0015): every instance learns every hold's expiry and, just after it, calls this
-- for the shows due. A show is reclaimed through lock_show, the one way to lock a show, but only if no one else
-- holds it (SKIP LOCKED): `busy` says so, and the caller looks again a moment later, since the holder may have
-- locked it before the hold lapsed. PENDING -> EXPIRED happens once, under the show's lock, so of all the
-- instances sweeping one show at once exactly one sees reclaimed_holds > 0 and announces it.
CREATE FUNCTION reclaim_lapsed_holds(p_show_ids integer[])
RETURNS TABLE (show_id integer, reclaimed_holds integer, busy boolean)
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
  v_id     integer;
  v_locked locked_show;
BEGIN
  FOR v_id IN SELECT DISTINCT unnest(p_show_ids) ORDER BY 1 LOOP
    -- Most calls find nothing (another instance or a booking took them): no lock for those.
    CONTINUE WHEN NOT EXISTS (SELECT 1 FROM bookings b WHERE b.show_id = v_id AND hold_lapsed(b.status, b.expires_at));
    PERFORM 1 FROM shows s WHERE s.id = v_id FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
      RETURN QUERY SELECT v_id, 0, true;
      CONTINUE;
    END IF;
    v_locked := lock_show(v_id);
    RETURN QUERY SELECT v_id, COALESCE(v_locked.reclaimed_holds, 0), false;
  END LOOP;
END;
$$;

-- Down Migration

DROP FUNCTION reclaim_lapsed_holds(integer[]);
DROP TABLE socket_io_attachments;

-- Up Migration

-- Shared commits (docs/decisions/0012-shared-commits.md): one call books a whole batch of POST /bookings
-- requests, in arrival order, under one lock per show and one commit. The rules are book_slots' (migration
-- 1700000000004) and the idempotency table's (platform/idempotency.ts), applied to many requests at once;
-- book_slots stays for BOOKING_BATCHING=off.
--
-- p_requests: a JSON array in arrival order of {"s": show id, "u": user id, "q": quantity, "k": Idempotency-Key
-- or null, "f": request fingerprint or null}. Answers one row per request, by its 1-based position:
--   GRANTED      body = the booking exactly as the API sends it (and stores for replays)
--   REPLAYED     status, body = the key's stored answer
--   NO_SHOW, STARTED, KEY_REUSED, KEY_IN_USE
--   SOLD_OUT     body = {"availableSlots": n}
--   HOLD_EXISTS  body = {"bookingId": newest live hold}
-- p_key_wait_ms bounds the wait for a key another transaction has claimed and not yet committed.
-- Refusals are rows, never exceptions: one refusal must not abort the others, nor cost a connection.
CREATE FUNCTION book_batch(
  p_requests json, p_hold_seconds integer, p_max_holds integer, p_granted_status integer, p_key_wait_ms integer
)
RETURNS TABLE (ord integer, outcome text, status integer, body json)
LANGUAGE plpgsql
AS $$
DECLARE
  v_show integer[];  v_user integer[];  v_qty integer[];  v_key text[];  v_fp text[];
  v_n integer;
  -- The batch's shows as lock_shows left them, and their places as the batch takes them.
  v_ids integer[];  v_avail integer[];  v_start timestamptz[];  v_avail0 integer[];
  -- Live holds per (user, show) pair of the batch: how many, and the newest (for HOLD_EXISTS).
  v_pairs bigint[];  v_pair_holds integer[];  v_pair_newest integer[];
  -- Keys of the batch, "user:key": whether this batch inserted the row, and the answer known so far.
  v_kuser integer[];  v_kkey text[];  v_kids text[];  v_kowned boolean[];  v_kfp text[];  v_kstatus integer[];  v_kbody json[];
  -- Granted holds, inserted together at the end.
  v_gid integer[] := '{}';  v_guser integer[] := '{}';  v_gshow integer[] := '{}';  v_gqty integer[] := '{}';
  -- What each request gets.
  v_outcome text[];  v_status integer[];  v_body json[];
  -- One transaction, one now(): every hold of the batch starts and ends at the same millisecond, truncated so
  -- that the JSON built here and JS's toISOString of the stored row agree to the character.
  v_now timestamptz := date_trunc('milliseconds', now());
  v_expires timestamptz := date_trunc('milliseconds', now()) + make_interval(secs => p_hold_seconds);
  v_created_text text;  v_expires_text text;
  v_seq text := pg_get_serial_sequence('bookings', 'id');
  v_lock_timeout text;
  i integer;  p integer;  j integer;  k integer;  c integer;  v_id integer;  v_pair bigint;
BEGIN
  SELECT array_agg(r.s ORDER BY r.o), array_agg(r.u ORDER BY r.o), array_agg(r.q ORDER BY r.o),
         array_agg(r.k ORDER BY r.o), array_agg(r.f ORDER BY r.o)
  INTO v_show, v_user, v_qty, v_key, v_fp
  FROM ROWS FROM (json_to_recordset(p_requests) AS (s integer, u integer, q integer, k text, f text))
       WITH ORDINALITY AS r(s, u, q, k, f, o);
  v_n := coalesce(cardinality(v_show), 0);
  IF v_n = 0 THEN
    RETURN;
  END IF;
  v_created_text := to_char(v_now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_expires_text := to_char(v_expires AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

  -- 1. The shows, in id order (lock_shows): batches of this or another API process, and every other writer,
  -- take show locks in one global order, so none can wait on another in a circle. Lapsed holds are reclaimed
  -- here, once per show.
  SELECT coalesce(array_agg(l.id ORDER BY l.id), '{}'), coalesce(array_agg(l.available_slots ORDER BY l.id), '{}'),
         coalesce(array_agg(l.start_time ORDER BY l.id), '{}')
  INTO v_ids, v_avail, v_start
  FROM lock_shows(v_show) l;
  v_avail0 := v_avail;

  -- 2. The keys, after the shows and in (user, key) order, so two batches claiming crossing keys cannot
  -- deadlock. A key another transaction has claimed but not committed is waited for (bounded by the batch's
  -- statement timeout); one already answered is read back below.
  IF EXISTS (SELECT 1 FROM unnest(v_key) x WHERE x IS NOT NULL) THEN
    -- The first request of the batch with each key claims it (with its fingerprint).
    SELECT array_agg(f.u ORDER BY f.u, f.k), array_agg(f.k ORDER BY f.u, f.k), array_agg(f.f ORDER BY f.u, f.k)
    INTO v_kuser, v_kkey, v_kfp
    FROM (SELECT DISTINCT ON (t.u, t.k) t.u, t.k, t.f
          FROM unnest(v_user, v_key, v_fp) WITH ORDINALITY AS t(u, k, f, o)
          WHERE t.k IS NOT NULL ORDER BY t.u, t.k, t.o) f;
    -- A claim still running elsewhere is waited for at most p_key_wait_ms (this batch holds its shows' locks
    -- meanwhile); past that, keys are claimed one by one without waiting, and only a request whose key is
    -- still held elsewhere hears KEY_IN_USE. A subtransaction, so only when that happens.
    v_lock_timeout := current_setting('lock_timeout');
    BEGIN
      PERFORM set_config('lock_timeout', p_key_wait_ms || 'ms', true);
      WITH claimed AS (
        INSERT INTO idempotency_keys (user_id, key, fingerprint)
        SELECT c.u, c.k, c.f FROM unnest(v_kuser, v_kkey, v_kfp) WITH ORDINALITY AS c(u, k, f, o) ORDER BY c.o
        ON CONFLICT (user_id, key) DO NOTHING
        RETURNING user_id, key
      )
      SELECT array_agg(c.u || ':' || c.k ORDER BY c.o), array_agg(cl.key IS NOT NULL ORDER BY c.o)
      INTO v_kids, v_kowned
      FROM unnest(v_kuser, v_kkey) WITH ORDINALITY AS c(u, k, o)
      LEFT JOIN claimed cl ON cl.user_id = c.u AND cl.key = c.k;
    EXCEPTION WHEN lock_not_available THEN
      v_kids := ARRAY(SELECT c.u || ':' || c.k FROM unnest(v_kuser, v_kkey) WITH ORDINALITY AS c(u, k, o) ORDER BY c.o);
      v_kowned := array_fill(false, ARRAY[cardinality(v_kuser)]);
      PERFORM set_config('lock_timeout', '1ms', true);
      FOR c IN 1 .. cardinality(v_kuser) LOOP
        BEGIN
          INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES (v_kuser[c], v_kkey[c], v_kfp[c])
          ON CONFLICT (user_id, key) DO NOTHING;
          v_kowned[c] := FOUND;
        EXCEPTION WHEN lock_not_available THEN
          NULL;  -- neither ours nor answered: KEY_IN_USE below
        END;
      END LOOP;
    END;
    PERFORM set_config('lock_timeout', v_lock_timeout, true);
    -- A statement of its own, so that its snapshot sees answers committed while the claim above waited.
    SELECT array_agg(coalesce(ik.fingerprint, c.f) ORDER BY c.o), array_agg(ik.response_status ORDER BY c.o),
           array_agg(ik.response_body ORDER BY c.o)
    INTO v_kfp, v_kstatus, v_kbody
    FROM unnest(v_kuser, v_kkey, v_kfp, v_kowned) WITH ORDINALITY AS c(u, k, f, owned, o)
    LEFT JOIN idempotency_keys ik ON NOT c.owned AND ik.user_id = c.u AND ik.key = c.k;
  END IF;

  -- 3. The hold cap's counts, after the reclaim (stored PENDING means live), one query for the whole batch.
  IF p_max_holds > 0 THEN
    SELECT array_agg(pr.pair), array_agg(h.n), array_agg(h.newest)
    INTO v_pairs, v_pair_holds, v_pair_newest
    FROM (SELECT DISTINCT t.u, t.s, (t.u::bigint << 32) | t.s AS pair FROM unnest(v_user, v_show) AS t(u, s)) pr
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n, (array_agg(b.id ORDER BY b.created_at DESC, b.id DESC))[1] AS newest
      FROM bookings b WHERE b.user_id = pr.u AND b.show_id = pr.s AND b.status = 'PENDING'
    ) h;
  END IF;

  -- 4. Each request in arrival order, with the checks of book_slots in its order.
  v_outcome := array_fill(NULL::text, ARRAY[v_n]);
  v_status := array_fill(NULL::integer, ARRAY[v_n]);
  v_body := array_fill(NULL::json, ARRAY[v_n]);
  FOR i IN 1 .. v_n LOOP
    k := NULL;
    IF v_key[i] IS NOT NULL THEN
      k := array_position(v_kids, v_user[i] || ':' || v_key[i]);
      IF v_kstatus[k] IS NOT NULL THEN
        -- Answered before, by an earlier transaction or by an earlier request of this batch.
        IF v_kfp[k] <> v_fp[i] THEN
          v_outcome[i] := 'KEY_REUSED';
        ELSE
          v_outcome[i] := 'REPLAYED';  v_status[i] := v_kstatus[k];  v_body[i] := v_kbody[k];
        END IF;
        CONTINUE;
      ELSIF NOT v_kowned[k] THEN
        -- Claimed elsewhere, yet no answer: purged between the claim and the read, not ours to redo.
        v_outcome[i] := 'KEY_IN_USE';
        CONTINUE;
      END IF;
      -- Ours and unanswered (its earlier requests in this batch, if any, were refused): judged afresh.
      v_kfp[k] := v_fp[i];
    END IF;

    p := array_position(v_ids, v_show[i]);
    v_pair := (v_user[i]::bigint << 32) | v_show[i];
    j := array_position(v_pairs, v_pair);
    IF p IS NULL THEN
      v_outcome[i] := 'NO_SHOW';
    ELSIF v_start[p] <= now() THEN
      v_outcome[i] := 'STARTED';
    ELSIF p_max_holds > 0 AND v_pair_holds[j] >= p_max_holds THEN
      v_outcome[i] := 'HOLD_EXISTS';  v_body[i] := json_build_object('bookingId', v_pair_newest[j]);
    ELSIF v_avail[p] < v_qty[i] THEN
      -- This one does not fit; a smaller request after it may still.
      v_outcome[i] := 'SOLD_OUT';  v_body[i] := json_build_object('availableSlots', v_avail[p]);
    ELSE
      v_id := nextval(v_seq);
      v_avail[p] := v_avail[p] - v_qty[i];
      v_gid := v_gid || v_id;  v_guser := v_guser || v_user[i];  v_gshow := v_gshow || v_show[i];
      v_gqty := v_gqty || v_qty[i];
      IF p_max_holds > 0 THEN
        v_pair_holds[j] := v_pair_holds[j] + 1;  v_pair_newest[j] := v_id;
      END IF;
      -- Key order and formats as the bookings repository's toBooking: the API sends this body as it is.
      v_outcome[i] := 'GRANTED';
      v_body[i] := json_build_object('id', v_id, 'showId', v_show[i], 'quantity', v_qty[i], 'status', 'PENDING',
                                     'createdAt', v_created_text, 'expiresAt', v_expires_text,
                                     'confirmedAt', NULL, 'cancelledAt', NULL);
      IF k IS NOT NULL THEN
        v_kstatus[k] := p_granted_status;  v_kbody[k] := v_body[i];
      END IF;
    END IF;
  END LOOP;

  -- 5. Every write once: each show's count, every granted hold in one INSERT, every key's answer.
  UPDATE shows s SET available_slots = a.avail
  FROM unnest(v_ids, v_avail, v_avail0) AS a(id, avail, before)
  WHERE s.id = a.id AND a.avail <> a.before;
  IF cardinality(v_gid) > 0 THEN
    -- Ids were drawn from the identity's own sequence above, so HOLD_EXISTS could name a hold of this batch.
    INSERT INTO bookings (id, user_id, show_id, quantity, created_at, expires_at)
    OVERRIDING SYSTEM VALUE
    SELECT g.id, g.u, g.s, g.q, v_now, v_expires FROM unnest(v_gid, v_guser, v_gshow, v_gqty) AS g(id, u, s, q);
  END IF;
  IF v_kids IS NOT NULL THEN
    -- A claim whose requests were all refused leaves no row, so a later retry is judged afresh.
    DELETE FROM idempotency_keys ik
    USING unnest(v_kuser, v_kkey, v_kowned, v_kstatus) AS x(u, k, owned, status)
    WHERE x.owned AND x.status IS NULL AND ik.user_id = x.u AND ik.key = x.k;
    UPDATE idempotency_keys ik SET fingerprint = x.fp, response_status = x.status, response_body = x.body
    FROM unnest(v_kuser, v_kkey, v_kowned, v_kfp, v_kstatus, v_kbody) AS x(u, k, owned, fp, status, body)
    WHERE x.owned AND x.status IS NOT NULL AND ik.user_id = x.u AND ik.key = x.k;
  END IF;

  RETURN QUERY SELECT t.o::integer, t.outcome, t.status, t.body
    FROM unnest(v_outcome, v_status, v_body) WITH ORDINALITY AS t(outcome, status, body, o);
END;
$$;

-- Down Migration
DROP FUNCTION book_batch(json, integer, integer, integer, integer);

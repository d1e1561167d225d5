import { afterEach, describe, expect, it } from 'vitest';
import { runRace } from '../support/race.js';
import { useControllableServer } from '../support/scratch-server.js';
import { startFaultStack, type FaultStack } from '../support/stack.js';

const server = useControllableServer();
let stack: FaultStack | undefined;
afterEach(() => stack?.stop());

/**
 * book_slots as a take-home often writes it: read the count without a row lock, check, pause (any latency
 * between check and write), write the count read earlier minus the quantity. Installed in this test's database only.
 */
const RACY_BOOK_SLOTS = `
CREATE OR REPLACE FUNCTION book_slots(
  p_show_id integer, p_user_id integer, p_quantity integer, p_hold_seconds integer, p_max_holds integer
)
RETURNS SETOF bookings LANGUAGE plpgsql AS $$
DECLARE
  v_available integer;
BEGIN
  SELECT available_slots INTO v_available FROM shows WHERE id = p_show_id;
  IF v_available < p_quantity THEN
    RAISE EXCEPTION 'only % slots left', v_available USING ERRCODE = 'SLDOT', DETAIL = v_available::text;
  END IF;
  PERFORM pg_sleep(0.02);
  UPDATE shows SET available_slots = v_available - p_quantity WHERE id = p_show_id;
  RETURN QUERY
    INSERT INTO bookings (user_id, show_id, quantity, expires_at)
    VALUES (p_user_id, p_show_id, p_quantity, now() + make_interval(secs => p_hold_seconds))
    RETURNING *;
END;
$$`;

describe('control: the race checks can fail', () => {
  it('when book_slots locks the show, then the race leaves no violation', async () => {
    stack = await startFaultStack(server());
    const { violations, load } = await runRace(stack, 'control: book_slots as shipped');
    expect(load.ledger.size).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  it('when book_slots checks then writes without a lock, then the same checks find the oversell', async () => {
    // The one-request path calls book_slots; shared commits (book_batch) would never reach the racy one.
    stack = await startFaultStack(server(), { BOOKING_BATCHING: 'off' });
    await stack.db.query(RACY_BOOK_SLOTS);
    // Replaced, not overloaded: were the signature to change, the API would go on calling the real one.
    const { rows } = await stack.db.query("SELECT 1 FROM pg_proc WHERE proname = 'book_slots'");
    expect(rows).toHaveLength(1);
    const { violations } = await runRace(stack, 'control: racy book_slots (no FOR UPDATE, pg_sleep)');
    expect(violations).toContainEqual(expect.stringMatching(/oversold/));
    expect(violations).toContainEqual(expect.stringMatching(/available_slots .* disagrees/));
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookBatch } from '../src/modules/bookings/book-batch.repository.js';
import { holdSlots } from '../src/modules/bookings/bookings.repository.js';
import { cancelBooking } from '../src/modules/bookings/cancel-booking.js';
import { confirmBooking } from '../src/modules/bookings/confirm-booking.js';
import { expireHolds } from '../src/modules/bookings/expire-holds.js';
import { listShowBookings } from '../src/modules/bookings/list-show-bookings.js';
import { deadlineIn } from '../src/platform/deadline.js';
import { createDomainEvents } from '../src/platform/events.js';
import { bearer, createShow, createUser } from './support/factories.js';
import { recordingSession, type RunStatement } from './support/plan-recorder.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The local proof of docs/decisions/0013: bookings hash-partitioned by show_id (the file Citus's layout mirrors),
// and every statement of the booking path, run by the real repositories and use cases, reads or writes the
// partition of its show only. A statement that stopped filtering by show_id would read all four.
const PARTITIONING = fileURLToPath(new URL('../../../deploy/citus/partition-bookings.sql', import.meta.url));
const DISTRIBUTION = fileURLToPath(new URL('../../../deploy/citus/distribute.sql', import.meta.url));
// Confirm and cancel get a booking id alone (the HTTP contract), so they look its show up once: the one
// statement of the path that reads every partition (an index probe each). Everything after it names the show.
// The price: one more statement per confirm, and on Citus a fan-out to every shard (ADR 0013 weighs the others).
const BOOKING_ID_LOOKUP = /FROM bookings WHERE id = \$1 AND user_id = \$2$/;
// The sweeper's scan for lapsed holds spans every show by nature; its work on each show goes through lock_show.
const SWEEPER_SCAN = /^SELECT DISTINCT show_id FROM \(/;

let app: TestApp;
let session: Awaited<ReturnType<typeof recordingSession>>;
let users: number[];
let showA: number;
let showB: number;
const events = createDomainEvents();
const HOLD = { holdSeconds: 600, deadline: deadlineIn(60_000) };

/** The partition a show's bookings go to, as PostgreSQL routes them (whatever the file names or counts). */
const partitionOf = async (showId: number) => {
  const { rows } = await app.db.query<{ name: string }>(
    `SELECT c.relname AS name
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid,
          regexp_match(pg_get_expr(c.relpartbound, c.oid), 'modulus (\\d+), remainder (\\d+)') AS b(m)
     WHERE i.inhparent = 'bookings'::regclass
       AND satisfies_hash_partition('bookings'::regclass, b.m[1]::int, b.m[2]::int, $1::int)`,
    [showId],
  );
  return rows[0]!.name;
};
const partitionCount = async () =>
  (await app.db.query(`SELECT 1 FROM pg_inherits WHERE inhparent = 'bookings'::regclass`)).rowCount;
const touching = (statements: RunStatement[]) => statements.filter((s) => s.partitions.length > 0);
const lapse = (showId: number) =>
  app.db.query(
    `UPDATE bookings SET created_at = now() - interval '10 minutes', expires_at = now() - interval '1 second'
     WHERE show_id = $1 AND status = 'PENDING'`,
    [showId],
  );

/** Every statement that reaches bookings reaches exactly the partition of `showId`, but the ones `allowed`. */
async function expectOnePartition(statements: RunStatement[], showId: number, allowed: RegExp[] = []) {
  const own = [await partitionOf(showId)];
  const path = touching(statements).filter((s) => !allowed.some((pattern) => pattern.test(s.query)));
  expect(path.length).toBeGreaterThan(0);
  for (const statement of path) expect(statement).toEqual({ query: statement.query, partitions: own });
}

beforeAll(async () => {
  app = await startTestApp();
  await app.db.query(readFileSync(PARTITIONING, 'utf8'));
  session = await recordingSession(app.databaseUrl, 'bookings');
  users = [];
  for (let i = 0; i < 3; i++) users.push((await createUser(app)).user.id);
  // Two shows in two different partitions, so that a statement reading both would show.
  showA = (await createShow(app, { totalSlots: 50 })).id;
  do showB = (await createShow(app, { totalSlots: 50 })).id;
  while ((await partitionOf(showB)) === (await partitionOf(showA)));
});
afterAll(async () => {
  await session?.close();
  await app?.close();
});

describe('sharding by show: every booking-path statement touches one partition of hash-partitioned bookings', () => {
  it('when the local stand-in and the Citus layout are read, then both key bookings by (show_id, id)', () => {
    const keys = [PARTITIONING, DISTRIBUTION].map(
      (file) => /bookings_pkey PRIMARY KEY \(([^)]*)\)/.exec(readFileSync(file, 'utf8'))?.[1],
    );
    expect(keys).toEqual(['show_id, id', 'show_id, id']);
    expect(readFileSync(PARTITIONING, 'utf8')).toContain('PARTITION BY HASH (show_id)');
    expect(readFileSync(DISTRIBUTION, 'utf8')).toContain(`create_distributed_table('bookings', 'show_id'`);
  });

  it('when a hold is made (book_slots, hold cap counted), then it reads and lands in its show partition', async () => {
    const input = { showId: showA, userId: users[0]!, quantity: 2, maxHolds: 3, ...HOLD };
    const { result, statements } = await session.record(() => holdSlots(session.db, input));
    await expectOnePartition(statements, showA);
    const { rows } = await app.db.query('SELECT tableoid::regclass::text AS p FROM bookings WHERE id = $1', [
      (result as { id: number }).id,
    ]);
    expect(rows[0]!.p).toBe(await partitionOf(showA));
  });

  it('when the hold cap refuses a hold, then the count read only its show partition', async () => {
    const input = { showId: showB, userId: users[1]!, quantity: 1, maxHolds: 1, ...HOLD };
    await holdSlots(session.db, input);
    const { result, statements } = await session.record(() => holdSlots(session.db, input));
    expect(result).toMatchObject({ code: 'HOLD_EXISTS' });
    await expectOnePartition(statements, showB);
  });

  it('when a batch books several requests on two shows, then each statement reads only those shows', async () => {
    const requests = [showA, showB, showA, showB].map((showId, i) => ({ showId, userId: users[i % 3]!, quantity: 1 }));
    const input = { requests, maxHolds: 5, grantedStatus: 201, ...HOLD };
    const { result, statements } = await session.record(() => bookBatch(session.db, input));
    expect((result as { outcome: string }[]).map((r) => r.outcome)).toEqual(Array(4).fill('GRANTED'));
    const both = [await partitionOf(showA), await partitionOf(showB)].sort();
    expect(touching(statements).length).toBeGreaterThan(0);
    for (const statement of touching(statements)) expect(both).toEqual(expect.arrayContaining(statement.partitions));
    // Locking and reclaiming is per show: those statements touch one partition each, and each show's.
    const perShow = touching(statements).filter((s) => s.partitions.length === 1);
    expect(new Set(perShow.flatMap((s) => s.partitions))).toEqual(new Set(both));
  });

  it('when a booking finds a lapsed hold on its show, then the reclaim touches that show partition only', async () => {
    await holdSlots(session.db, { showId: showA, userId: users[2]!, quantity: 1, maxHolds: 0, ...HOLD });
    await lapse(showA);
    const input = { showId: showA, userId: users[2]!, quantity: 1, maxHolds: 0, ...HOLD };
    const { statements } = await session.record(() => holdSlots(session.db, input));
    await expectOnePartition(statements, showA);
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM bookings WHERE show_id = $1 AND status = 'EXPIRED'`,
      [showA],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('when a hold is confirmed by id alone, then only the id lookup reads beyond its show partition', async () => {
    const hold = await holdSlots(session.db, { showId: showB, userId: users[2]!, quantity: 1, maxHolds: 0, ...HOLD });
    const input = { userId: users[2]!, bookingId: hold.id };
    const { result, statements } = await session.record(() => confirmBooking({ db: session.db, events }, input));
    expect(result).toMatchObject({ id: hold.id, status: 'CONFIRMED' });
    await expectOnePartition(statements, showB, [BOOKING_ID_LOOKUP]);
    const lookups = touching(statements).filter((s) => BOOKING_ID_LOOKUP.test(s.query));
    expect(lookups.map((s) => s.partitions.length)).toEqual([await partitionCount()]);
  });

  it('when a booking is cancelled by id alone, then only the id lookup reads beyond its show partition', async () => {
    const hold = await holdSlots(session.db, { showId: showA, userId: users[0]!, quantity: 1, maxHolds: 0, ...HOLD });
    const input = { userId: users[0]!, bookingId: hold.id };
    const { result, statements } = await session.record(() => cancelBooking({ db: session.db, events }, input));
    expect(result).toMatchObject({ id: hold.id, status: 'CANCELLED' });
    await expectOnePartition(statements, showA, [BOOKING_ID_LOOKUP]);
  });

  it('when the sweeper expires lapsed holds of two shows, then past its scan each statement is per show', async () => {
    for (const showId of [showA, showB]) {
      await holdSlots(session.db, { showId, userId: users[1]!, quantity: 1, maxHolds: 0, ...HOLD });
      await lapse(showId);
    }
    const { result, statements } = await session.record(() => expireHolds({ db: session.db, events }));
    expect(result).toBeGreaterThanOrEqual(2);
    const perShow = touching(statements).filter((s) => !SWEEPER_SCAN.test(s.query));
    for (const statement of perShow) expect(statement).toEqual({ ...statement, partitions: [expect.any(String)] });
    const both = [await partitionOf(showA), await partitionOf(showB)];
    expect(new Set(perShow.flatMap((s) => s.partitions))).toEqual(new Set(both));
  });

  it('when an admin lists a show bookings, then the show read and the list touch its partition only', async () => {
    const { statements } = await session.record(() => listShowBookings({ db: session.db }, showB));
    await expectOnePartition(statements, showB);
  });

  it('when the API books, confirms and cancels over HTTP on the partitioned table, then all is as ever', async () => {
    const { token } = await createUser(app);
    const held = await app.http.post('/bookings').set(bearer(token)).send({ showId: showB, quantity: 1 });
    expect(held.status).toBe(201);
    const confirmed = await app.http.post('/bookings/confirm').set(bearer(token)).send({ bookingId: held.body.id });
    expect(confirmed.body).toMatchObject({ status: 'CONFIRMED' });
    const cancelled = await app.http.post(`/bookings/${held.body.id}/cancel`).set(bearer(token));
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED' });
  });
});

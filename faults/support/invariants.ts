import type pg from 'pg';
import type { Acknowledged } from './load.js';
import { pause } from './load.js';

/**
 * The guarantees every fault test asserts, read straight from the tables (not through the API, and not through
 * the SQL functions under test). The control test runs the same checks against a broken booking function and
 * requires them to fail: that is what shows these checks can catch an oversell.
 */

interface ShowCounts {
  id: number;
  total: number;
  available: number;
  /** Stored PENDING + CONFIRMED quantity: what available_slots must account for. */
  held: number;
  /** CONFIRMED + PENDING not yet past expires_at: what the world sees as taken. */
  live: number;
}

/** One statement, so one snapshot: the counter and the bookings are seen at the same instant. */
async function showCounts(db: pg.Pool, showIds: number[]): Promise<ShowCounts[]> {
  const { rows } = await db.query<ShowCounts>(
    `SELECT s.id, s.total_slots AS total, s.available_slots AS available,
            COALESCE(sum(b.quantity) FILTER (WHERE b.status IN ('PENDING', 'CONFIRMED')), 0)::int AS held,
            COALESCE(sum(b.quantity) FILTER (
              WHERE b.status = 'CONFIRMED' OR (b.status = 'PENDING' AND b.expires_at > now())), 0)::int AS live
     FROM shows s LEFT JOIN bookings b ON b.show_id = s.id
     WHERE s.id = ANY($1) GROUP BY s.id ORDER BY s.id`,
    [showIds],
  );
  return rows;
}

/** No show oversold, and available_slots = capacity - stored held/confirmed quantity. */
export async function showViolations(db: pg.Pool, showIds: number[]): Promise<string[]> {
  const violations: string[] = [];
  for (const show of await showCounts(db, showIds)) {
    if (show.live > show.total) violations.push(`show ${show.id} oversold: ${show.live} of ${show.total} slots taken`);
    if (show.total - show.available !== show.held) {
      violations.push(
        `show ${show.id} available_slots ${show.available} disagrees with its bookings: ` +
          `${show.held} of ${show.total} held or confirmed`,
      );
    }
  }
  return violations;
}

/**
 * Checks the shows every `everyMs` while a fault runs, so a transient oversell cannot hide behind holds that
 * expire before the end. Checks that fail because the database is down are skipped (and counted).
 */
export function watchShows(db: pg.Pool, showIds: number[], everyMs = 200) {
  const violations = new Set<string>();
  let checks = 0;
  let skipped = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        for (const violation of await showViolations(db, showIds)) violations.add(violation);
        checks += 1;
      } catch {
        skipped += 1;
      }
      await pause(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { violations: [...violations], checks, skipped };
    },
  };
}

interface StoredBooking {
  id: number;
  show_id: number;
  user_id: number;
  quantity: number;
  status: string;
}

/** The stored statuses an acknowledged booking may have, given what its client sent and was told. */
function allowedStatuses(booking: Acknowledged): string[] {
  if (booking.cancel === 'acked') return ['CANCELLED'];
  if (booking.confirm === 'acked') return ['CONFIRMED'];
  const allowed = ['PENDING', 'EXPIRED'];
  if (booking.confirm === 'sent') allowed.push('CONFIRMED');
  if (booking.cancel === 'sent') allowed.push('CANCELLED');
  return allowed;
}

/** Every acknowledged booking exists, as acknowledged; answers the violations and the unacknowledged rows. */
export async function ledgerViolations(db: pg.Pool, ledger: Map<number, Acknowledged>, showIds: number[]) {
  const { rows } = await db.query<StoredBooking>(
    'SELECT id, show_id, user_id, quantity, status FROM bookings WHERE show_id = ANY($1)',
    [showIds],
  );
  const stored = new Map(rows.map((row) => [row.id, row]));
  const violations: string[] = [];
  for (const booking of ledger.values()) {
    const row = stored.get(booking.id);
    if (!row) {
      violations.push(`acknowledged booking ${booking.id} does not exist`);
      continue;
    }
    if (row.show_id !== booking.showId || row.user_id !== booking.userId || row.quantity !== booking.quantity) {
      violations.push(`booking ${booking.id} is not the one acknowledged`);
    }
    if (!allowedStatuses(booking).includes(row.status)) {
      violations.push(`booking ${booking.id} is ${row.status}; its client was told otherwise`);
    }
  }
  // Committed, but the client never heard so (killed API, timed-out answer): holds that must expire on their own.
  const unacknowledged = rows.filter((row) => !ledger.has(row.id)).length;
  return { violations, unacknowledged };
}

/** Waits until the sweeper has stored every lapsed hold of these shows as EXPIRED; answers how long it took. */
export async function waitForSweep(db: pg.Pool, showIds: number[], timeoutMs: number) {
  const started = performance.now();
  for (;;) {
    const { rows } = await db.query<{ pending: number; lapsed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE status = 'PENDING' AND expires_at <= now())::int AS lapsed
       FROM bookings WHERE show_id = ANY($1)`,
      [showIds],
    );
    const { pending, lapsed } = rows[0]!;
    const ms = performance.now() - started;
    if (pending === 0) return { ms, violations: [] };
    if (ms > timeoutMs) {
      return { ms, violations: [`${pending} holds still PENDING (${lapsed} lapsed) after ${Math.round(ms)} ms`] };
    }
    await pause(200);
  }
}

/**
 * After a load has stopped: the shows as it left them, then (once every hold has lapsed and been swept) the shows
 * again and every acknowledged booking. Answers every violation, how many committed bookings were never
 * acknowledged (orphans), and how long the sweep took.
 */
export async function verifyAfterLoad(
  db: pg.Pool,
  ledger: Map<number, Acknowledged>,
  showIds: number[],
  holdSeconds: number,
) {
  const atEnd = await showViolations(db, showIds);
  const sweep = await waitForSweep(db, showIds, holdSeconds * 1000 + 4_000);
  const afterSweep = await showViolations(db, showIds);
  const bookings = await ledgerViolations(db, ledger, showIds);
  return {
    violations: [...new Set([...atEnd, ...sweep.violations, ...afterSweep, ...bookings.violations])],
    orphans: bookings.unacknowledged,
    sweepMs: sweep.ms,
  };
}

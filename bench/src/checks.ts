import type pg from 'pg';

/** One show as stored: its counter and the bookings that must account for it. */
export interface ShowCounts {
  id: number;
  total: number;
  available: number;
  /** Stored PENDING + CONFIRMED quantity: what available_slots must account for. */
  held: number;
  /** Booking rows of any status. */
  rows: number;
}

/**
 * The guarantees after a scenario: no show oversold, available_slots = total - held, and as many booking rows on
 * the scenario's shows as 201s answered (no lost booking and no phantom one). A request cut off by the end of a
 * timed run (`unanswered`) may have booked or not, so rows may exceed the 201s by at most that many. `created`
 * is null for pgbench, which answers no count. Answers the violations found.
 */
export function violations(shows: ShowCounts[], created: number | null, unanswered = 0): string[] {
  const found: string[] = [];
  for (const show of shows) {
    if (show.available < 0 || show.held > show.total)
      found.push(`show ${show.id} oversold: ${show.held} of ${show.total} held, ${show.available} available`);
    if (show.total - show.available !== show.held)
      found.push(`show ${show.id}: available_slots ${show.available} but ${show.held} of ${show.total} held`);
  }
  const rows = shows.reduce((sum, show) => sum + show.rows, 0);
  if (created !== null && (rows < created || rows > created + unanswered)) {
    const cut = unanswered > 0 ? ` (+ up to ${unanswered} unanswered when the run ended)` : '';
    found.push(`${created} bookings answered 201${cut} but ${rows} rows exist on the scenario's shows`);
  }
  return found;
}

/** One statement, so one snapshot: the counters and the bookings are seen at the same instant. */
export async function showCounts(db: pg.Pool, showIds: number[]): Promise<ShowCounts[]> {
  const { rows } = await db.query<ShowCounts>(
    `SELECT s.id, s.total_slots AS total, s.available_slots AS available,
            COALESCE(sum(b.quantity) FILTER (WHERE b.status IN ('PENDING', 'CONFIRMED')), 0)::int AS held,
            count(b.id)::int AS rows
     FROM shows s LEFT JOIN bookings b ON b.show_id = s.id
     WHERE s.id = ANY($1) GROUP BY s.id ORDER BY s.id`,
    [showIds],
  );
  return rows;
}

/** Collects every step's verdict; the run exits non-zero if any failed. */
export class Verdicts {
  readonly failures: string[] = [];
  readonly lines: string[] = [];

  async check(db: pg.Pool, step: string, showIds: number[], created: number | null, unanswered = 0) {
    const found = violations(await showCounts(db, showIds), created, unanswered);
    this.lines.push(`${found.length === 0 ? 'PASS' : 'FAIL'} ${step}${found.length ? `: ${found.join('; ')}` : ''}`);
    this.failures.push(...found.map((v) => `${step}: ${v}`));
    return found.length === 0;
  }

  pass(step: string) {
    this.lines.push(`PASS ${step}`);
  }

  /** A failure found outside the SQL checks (e.g. a sale that granted fewer places than it had). */
  fail(step: string, violation: string) {
    this.lines.push(`FAIL ${step}: ${violation}`);
    this.failures.push(`${step}: ${violation}`);
  }
}

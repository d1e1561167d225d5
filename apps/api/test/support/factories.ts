import type { Booking, Role, Show, User } from '@holdfast/contracts';
import bcrypt from 'bcrypt';
import { randomBytes } from 'node:crypto';
import { createTokens } from '../../src/modules/auth/tokens.js';
import { insertUser } from '../../src/modules/auth/users.repository.js';
import { insertShow } from '../../src/modules/shows/shows.repository.js';
import { TEST_JWT_SECRET, type TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: string | null = null;
const tokens = createTokens(TEST_JWT_SECRET, 3600);

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomBytes(5).toString('hex')}@example.test`;

/** A user straight in the database (bcrypt once per file), with a really signed token. */
export async function createUser(
  app: TestApp,
  options: { role?: Role; name?: string } = {},
): Promise<{ user: User; token: string }> {
  passwordHash ??= await bcrypt.hash(TEST_PASSWORD, 10);
  const user = await insertUser(app.db, {
    name: options.name ?? 'Test Person',
    email: uniqueEmail(options.role ?? 'user'),
    passwordHash,
    role: options.role ?? 'user',
  });
  return { user, token: tokens.sign({ userId: user.id, role: user.role }) };
}

/** A show straight in the database; a negative offset makes one that has already started. */
export async function createShow(
  app: TestApp,
  options: { totalSlots?: number; startsInMinutes?: number; name?: string; timeZone?: string } = {},
): Promise<Show> {
  return insertShow(app.db, {
    name: options.name ?? `Show ${randomBytes(3).toString('hex')}`,
    startTime: new Date(Date.now() + (options.startsInMinutes ?? 24 * 60) * 60_000).toISOString(),
    totalSlots: options.totalSlots ?? 10,
    timeZone: options.timeZone,
  });
}

export async function book(app: TestApp, token: string, showId: number, quantity?: number) {
  return app.http
    .post('/bookings')
    .set(bearer(token))
    .send(quantity === undefined ? { showId } : { showId, quantity });
}

export async function holdSlots(app: TestApp, token: string, showId: number, quantity = 1): Promise<Booking> {
  const response = await book(app, token, showId, quantity);
  if (response.status !== 201) throw new Error(`booking failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Booking;
}

/** Moves a hold's expiry into the past (created_at too, to keep the table's CHECK true). */
export async function lapseHold(app: TestApp, bookingId: number): Promise<void> {
  await app.db.query(
    `UPDATE bookings SET created_at = now() - interval '10 minutes', expires_at = now() - interval '1 second'
     WHERE id = $1`,
    [bookingId],
  );
}

/** The stored counts of a show, straight from SQL, to compare with what the API says. */
export async function storedCounts(app: TestApp, showId: number) {
  const { rows } = await app.db.query<{
    total: number;
    available: number;
    held: number;
    confirmed: number;
    bookings: number;
  }>(
    `SELECT s.total_slots AS total, s.available_slots AS available,
            COALESCE(sum(b.quantity) FILTER (WHERE b.status IN ('PENDING', 'CONFIRMED')), 0)::int AS held,
            COALESCE(sum(b.quantity) FILTER (WHERE b.status = 'CONFIRMED'), 0)::int AS confirmed,
            count(b.id)::int AS bookings
     FROM shows s LEFT JOIN bookings b ON b.show_id = s.id WHERE s.id = $1 GROUP BY s.id`,
    [showId],
  );
  return rows[0]!;
}

export async function storedStatus(app: TestApp, bookingId: number): Promise<string> {
  const { rows } = await app.db.query<{ status: string }>('SELECT status FROM bookings WHERE id = $1', [bookingId]);
  return rows[0]!.status;
}

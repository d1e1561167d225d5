import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from '@holdfast/contracts';
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { joinTransaction, type Db, type Queryable, type Transactional } from './db.js';
import { AppError } from './errors.js';
import type { AvailabilityChange, DomainEvents } from './events.js';

/** How long a client waits before retrying a key whose first request is still running. */
const IN_USE_RETRY_AFTER_SECONDS = 1;
/** Keys are kept this long, then purged: a retry is for a lost answer, not for tomorrow. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

export const invalidIdempotencyKey = (message: string) => new AppError('INVALID_IDEMPOTENCY_KEY', message, 400);
export const idempotencyKeyReused = () =>
  new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request: send a fresh key`,
    422,
  );
export const idempotencyKeyInUse = (cause?: unknown) =>
  new AppError(
    'IDEMPOTENCY_KEY_IN_USE',
    `A request with this ${IDEMPOTENCY_KEY_HEADER} is still running: retry shortly for its answer`,
    409,
    undefined,
    { cause, retryAfterSeconds: IN_USE_RETRY_AFTER_SECONDS },
  );

/** The header's value, or undefined when there is none; 400 for a value that cannot be a key. */
export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) throw invalidIdempotencyKey(parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}

/** The same key may only ever mean one request: the method, the path and the (parsed) body. */
export const fingerprintRequest = (method: string, path: string, body: unknown) =>
  createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${stringify(body ?? null)}`)
    .digest('hex');

/** What an effect may use: a database and events that both take effect only if the whole request commits. */
export interface EffectScope {
  db: Transactional;
  events: DomainEvents;
}

/** A request's key and what it means, for effects that claim keys themselves (RouteContext.claimsOwnKey). */
export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
}

export type Outcome<T> = { replayed: false; result: T } | { replayed: true; status: number; body: unknown };

/**
 * Runs `effect` once per (user, key). The key is claimed first, in the effect's own transaction, and its
 * answer stored before COMMIT, so a crash keeps both or neither. A retry whose first request is still running
 * waits on the claim (up to lock_timeout) and then replays its answer, or is told to come back (409).
 * A refusal rolls everything back, key included, so a later retry is judged afresh.
 */
export async function runIdempotently<T>(
  deps: { db: Db; events: DomainEvents },
  request: { userId: number; key: string; fingerprint: string; status: number },
  effect: (scope: EffectScope) => Promise<T>,
): Promise<Outcome<T>> {
  const changes: AvailabilityChange[] = [];
  const afterCommit: DomainEvents = {
    availabilityChanged: (change) => void changes.push(change),
    onAvailabilityChanged: (listener) => deps.events.onAvailabilityChanged(listener),
  };
  const outcome = await deps.db.withTransaction(async (tx): Promise<Outcome<T>> => {
    if (!(await claimKey(tx, request))) {
      const stored = await findAnswer(tx, request);
      // Gone between our claim and this read means purged: too old to replay, and not ours to redo.
      if (!stored) throw idempotencyKeyInUse();
      if (stored.fingerprint !== request.fingerprint) throw idempotencyKeyReused();
      return { replayed: true, status: stored.response_status, body: stored.response_body };
    }
    const result = await effect({ db: joinTransaction(tx), events: afterCommit });
    await storeAnswer(tx, request, result);
    return { replayed: false, result };
  });
  for (const change of changes) deps.events.availabilityChanged(change);
  return outcome;
}

async function claimKey(tx: Queryable, r: { userId: number; key: string; fingerprint: string }) {
  try {
    const { rowCount } = await tx.query(
      `INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO NOTHING`,
      [r.userId, r.key, r.fingerprint],
    );
    return rowCount === 1;
  } catch (error) {
    // Waiting on the claim timed out (lock_timeout): the first request with this key is still running.
    if (error instanceof AppError && error.code === 'BUSY') throw idempotencyKeyInUse(error);
    throw error;
  }
}

async function findAnswer(tx: Queryable, r: { userId: number; key: string }) {
  const { rows } = await tx.query<{ fingerprint: string; response_status: number; response_body: unknown }>(
    'SELECT fingerprint, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2',
    [r.userId, r.key],
  );
  return rows[0];
}

// `json`, not `jsonb`, keeps the body exactly as first sent, key order included.
async function storeAnswer(tx: Queryable, r: { userId: number; key: string; status: number }, body: unknown) {
  await tx.query(
    'UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2',
    [r.userId, r.key, r.status, JSON.stringify(body)],
  );
}

/** Deletes keys older than IDEMPOTENCY_KEY_TTL_HOURS; run by the purge job. Answers how many it removed. */
export async function purgeOldIdempotencyKeys(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
    [IDEMPOTENCY_KEY_TTL_HOURS],
  );
  return rowCount ?? 0;
}

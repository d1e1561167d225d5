import { AppError } from './errors.js';

/** How long a client should wait before retrying a 503, in seconds (sent as Retry-After). */
const RETRY_AFTER_SECONDS = { busy: 1, unavailable: 2 } as const;

export const busy = (cause?: unknown) =>
  new AppError('BUSY', 'This is busy right now: try again in a moment', 503, undefined, {
    cause,
    retryAfterSeconds: RETRY_AFTER_SECONDS.busy,
  });

export const databaseUnavailable = (cause?: unknown) =>
  new AppError('DATABASE_UNAVAILABLE', 'The database does not answer: try again shortly', 503, undefined, {
    cause,
    retryAfterSeconds: RETRY_AFTER_SECONDS.unavailable,
  });

// SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html) that mean "waited too long", or
// "lost a race the server broke up": the transaction rolled back whole, and the same request may simply retry.
const WAITED_TOO_LONG = new Set([
  '55P03', // lock_not_available: lock_timeout ran out (a show's row lock is held elsewhere)
  '57014', // query_canceled: statement_timeout ran out
  '53300', // too_many_connections
  '40P01', // deadlock_detected: e.g. a batch and a one-request booking (BOOKING_BATCHING mixed across processes)
  '40001', // serialization_failure
]);
// Class 08 (connection exception), 57P01-57P03 (the server is shutting down, crashed or starting).
const SERVER_GONE = /^(08...|57P0[1-3])$/;
// What node-postgres and Node itself raise when the server cannot be reached or stops answering.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const NETWORK_MESSAGES = new RegExp(
  [
    'Connection terminated',
    'Query read timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error',
  ].join('|'),
  'i',
);

export type DbFault = 'busy' | 'unavailable';

/** Whether an error says the database is overloaded or unreachable rather than that a statement was wrong. */
export function classifyDbFault(error: unknown): DbFault | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  if (WAITED_TOO_LONG.has(code)) return 'busy';
  if (SERVER_GONE.test(code) || NETWORK_CODES.has(code) || NETWORK_MESSAGES.test(message)) return 'unavailable';
  return null;
}

import { z } from 'zod';

/**
 * Idempotent retries (the IETF httpapi Idempotency-Key draft, as Stripe and pretix do it): a client sends a
 * fresh key with each attempt and the same key again when it lost the answer; the API then replays the first
 * answer instead of doing the work twice.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set to `true` on an answer replayed from an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

export const idempotencyKeySchema = z
  .string()
  .min(1, 'Idempotency-Key must not be empty')
  .max(255, 'Idempotency-Key must be at most 255 characters')
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be visible ASCII characters (a UUID, say)')
  .meta({ description: 'A fresh value (a UUID) per attempt; the same value when retrying that attempt' });

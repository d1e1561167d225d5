import type { Queryable } from '../../platform/db.js';
import type { Mailer } from '../../platform/mailer.js';
import type { QueuedEmail } from './email-kinds.js';
import { claimDueEmails, markFailed, markSent, scheduleRetry } from './emails.repository.js';
import { renderEmail } from './render-email.js';

/** Emails one pass takes at most; they go out side by side. */
const CLAIM_BATCH = 10;
/** Retries wait base, 2x base, 4x base, ... at most this long. */
const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

export type SendOutcome = 'sent' | 'retry' | 'failed';

export interface SendSettings {
  webUrl: string;
  maxAttempts: number;
  retryBaseMs: number;
  /** Longer than any one send can take (the mailer's bound), so a lease never ends while its send runs. */
  leaseMs: number;
}

export const retryDelayMs = (attempt: number, baseMs: number) =>
  Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));

/**
 * One pass of the outbox: claims the due emails, sends each, and records the outcome. A refused or timed-out
 * send waits for a retry, with a growing delay, until its last attempt, when it is kept as FAILED. Answers how
 * many it claimed, so the caller knows to look again.
 */
export async function sendDueEmails(
  deps: { db: Queryable; mailer: Mailer; outcome: (outcome: SendOutcome, email: QueuedEmail, error?: string) => void },
  settings: SendSettings,
): Promise<number> {
  const claimed = await claimDueEmails(deps.db, CLAIM_BATCH, settings.leaseMs);
  await Promise.all(
    claimed.map(async (email) => {
      try {
        await deps.mailer.send(renderEmail(email, settings.webUrl));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (email.attempts >= settings.maxAttempts) {
          await markFailed(deps.db, email.id, reason);
          deps.outcome('failed', email, reason);
        } else {
          await scheduleRetry(deps.db, email.id, retryDelayMs(email.attempts, settings.retryBaseMs), reason);
          deps.outcome('retry', email, reason);
        }
        return;
      }
      await markSent(deps.db, email.id);
      deps.outcome('sent', email);
    }),
  );
  return claimed.length;
}

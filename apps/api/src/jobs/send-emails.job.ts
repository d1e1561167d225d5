import { sendDueEmails } from '../modules/emails/index.js';
import { listenTo, type Db } from '../platform/db.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import type { Logger } from '../platform/logger.js';
import { createMailer, type Mailer, type MailSettings } from '../platform/mailer.js';
import type { Metrics } from '../platform/metrics.js';

/** The channel `enqueue_email` NOTIFYs at COMMIT (migration 12). */
const OUTBOX_CHANNEL = 'email_outbox';

export interface EmailSender {
  /** Look for due emails now (once more, if a pass is running). */
  nudge(): void;
  /** Stops polling and listening, and waits for the pass in flight (its sends are bounded). */
  stop(): Promise<void>;
}

/**
 * The outbox's sender, outside any request: a pass runs when an email is queued on any instance (NOTIFY), and
 * every MAIL_POLL_MS besides, which also picks up retries that fall due. Passes never overlap in one process;
 * across processes, claims are SKIP LOCKED leases. A failing pass is reported and the next one tries again.
 */
export function startEmailSender(
  deps: { db: Db; databaseUrl: string; logger: Logger; reporter: ErrorReporter; metrics: Metrics; mailer?: Mailer },
  settings: MailSettings & { smtpUrl: string },
): EmailSender {
  const mailer = deps.mailer ?? createMailer(settings);
  const send = { ...settings, leaseMs: 4 * settings.sendTimeoutMs };
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const outcome = (result: 'sent' | 'retry' | 'failed', email: { id: number; kind: string }, error?: string) => {
    deps.metrics.emailOutcome(result);
    if (result === 'failed') deps.logger.error({ email: email.id, kind: email.kind, error }, 'email given up');
    else if (result === 'retry')
      deps.logger.warn({ email: email.id, kind: email.kind, error }, 'email will be retried');
  };
  const pass = async () => {
    try {
      // A full batch may mean more are due: keep going until a pass finds fewer.
      while (!stopped && (await sendDueEmails({ db: deps.db, mailer, outcome }, send)) > 0) again = false;
    } catch (error) {
      deps.reporter.report(error, { source: 'email sender' });
    }
  };
  const nudge = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => {
      running = null;
      if (again) {
        again = false;
        nudge();
      }
    });
  };
  const poll = setInterval(nudge, settings.pollMs);
  const listening = listenTo(deps.databaseUrl, OUTBOX_CHANNEL, nudge, (error) =>
    deps.logger.warn({ error: error.message }, 'email sender lost its LISTEN session; polling meanwhile'),
  );
  nudge();
  return {
    nudge,
    async stop() {
      stopped = true;
      clearInterval(poll);
      await listening.close();
      await running;
      mailer.close();
    },
  };
}

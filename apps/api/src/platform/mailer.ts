import nodemailer from 'nodemailer';

/** config.ts's mail settings (SMTP_URL and the MAIL_* variables). */
export interface MailSettings {
  /** null: no sender runs and emails stay queued (ADR 0020). */
  smtpUrl: string | null;
  from: string;
  webUrl: string;
  sendTimeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
}

/** One email as the outbox hands it to the mail server. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  /** Resolves once the server accepted the message; rejects (within about 3x the send timeout) otherwise. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/**
 * nodemailer over SMTP_URL, the only file that imports it. Every wait is bounded (connecting, the greeting,
 * each reply), and a whole send too, so a mail server that hangs holds up a retry, never the sender.
 */
export function createMailer(settings: { smtpUrl: string; from: string; sendTimeoutMs: number }): Mailer {
  const timeout = settings.sendTimeoutMs;
  const transport = nodemailer.createTransport(
    { url: settings.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout },
    { from: settings.from },
  );
  return {
    async send(email) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${3 * timeout} ms`)), 3 * timeout);
      });
      try {
        await Promise.race([transport.sendMail(email), bound]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transport.close(),
  };
}

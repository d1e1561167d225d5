/** The emails the outbox sends; the table's CHECK lists the same. */
export type EmailKind = 'BOOKING_CONFIRMED' | 'WAITLIST_OFFER' | 'BOOKING_CANCELLED';

/** What an email shows of its booking, copied when it was queued (SQL `booking_mail_data`, migration 12). */
export interface MailData {
  recipientName: string;
  bookingId: number;
  showId: number;
  showName: string;
  /** ISO instant. */
  startTime: string;
  /** IANA zone the show's time is told in. */
  timeZone: string;
  quantity: number;
  /** ISO instant: when a hold (a waitlist offer) lapses. */
  holdExpiresAt: string;
}

export interface QueuedEmail {
  id: number;
  kind: EmailKind;
  recipient: string;
  /** This attempt's number, 1 for the first. */
  attempts: number;
  data: MailData;
}

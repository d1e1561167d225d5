/** The emails about a booking: queued through enqueue_email (migration 12). */
export type BookingEmailKind = 'BOOKING_CONFIRMED' | 'WAITLIST_OFFER' | 'BOOKING_CANCELLED';
/** The emails about a waitlist entry: queued by the show's deletion itself (migration 15). */
export type WaitlistEmailKind = 'WAITLIST_SHOW_CANCELLED';
/** The emails the outbox sends; the table's CHECK lists the same. */
export type EmailKind = BookingEmailKind | WaitlistEmailKind;

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

/** What an email shows of a waitlist entry, copied when it was queued (SQL `waitlist_mail_data`, migration 15). */
export interface WaitlistMailData {
  recipientName: string;
  entryId: number;
  showId: number;
  showName: string;
  /** ISO instant. */
  startTime: string;
  /** IANA zone the show's time is told in. */
  timeZone: string;
  quantity: number;
}

interface Envelope {
  id: number;
  recipient: string;
  /** This attempt's number, 1 for the first. */
  attempts: number;
}

/** A claimed email: its kind says which shape its data has (the table's CHECK ties the kind to its subject). */
export type QueuedEmail =
  | (Envelope & { kind: BookingEmailKind; data: MailData })
  | (Envelope & { kind: WaitlistEmailKind; data: WaitlistMailData });

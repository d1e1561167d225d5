import { describe, expect, it } from 'vitest';
import type { QueuedEmail } from './email-kinds.js';
import { renderEmail } from './render-email.js';

const confirmation = (timeZone: string): QueuedEmail => ({
  id: 1,
  kind: 'BOOKING_CONFIRMED',
  recipient: 'ada@example.test',
  attempts: 1,
  data: {
    recipientName: 'Ada',
    bookingId: 42,
    showId: 7,
    showName: 'Clinic',
    // 29 March 2026 is the night Paris moves to summer time: 01:30 UTC is 03:30 there, not 02:30.
    startTime: '2026-03-29T01:30:00.000Z',
    timeZone,
    quantity: 1,
    holdExpiresAt: '2026-03-29T01:00:00.000Z',
  },
});

describe('renderEmail', () => {
  it("when a show has its own zone, then the email tells that zone's wall-clock time, DST included", () => {
    const email = renderEmail(confirmation('Europe/Paris'), 'https://book.example.test');
    expect(email.subject).toBe('Booking confirmed: Clinic, Sunday, 29 March 2026 at 03:30 (Europe/Paris)');
    expect(email.text).toContain('Your booking of 1 place for Clinic on Sunday, 29 March 2026 at 03:30');
    const calendar = email.attachments?.[0]?.content ?? '';
    // The calendar entry is the UTC instant whatever the zone (ics writes no TZID).
    expect(calendar).toContain('DTSTART:20260329T013000Z');
    expect(calendar).toContain('UID:booking-42@holdfast');
  });
});

describe('the waitlist-closed email', () => {
  it("when a show someone waits for is deleted, then the email tells its zone's time and links to the shows", () => {
    const email = renderEmail(
      {
        id: 2,
        kind: 'WAITLIST_SHOW_CANCELLED',
        recipient: 'grace@example.test',
        attempts: 1,
        data: {
          recipientName: 'Grace',
          entryId: 9,
          showId: 7,
          showName: 'Clinic',
          startTime: '2026-03-29T01:30:00.000Z',
          timeZone: 'Europe/Paris',
          quantity: 1,
        },
      },
      'https://book.example.test',
    );
    expect(email.subject).toBe('Waitlist closed: Clinic, Sunday, 29 March 2026 at 03:30 (Europe/Paris)');
    expect(email.text).toContain('the 1 place you were waiting for will not be offered');
    expect(email.text).toContain('Find another show: https://book.example.test/');
    expect(email.attachments).toEqual([]);
  });
});

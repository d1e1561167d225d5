import { createEvent } from 'ics';
import type { MailData } from './email-kinds.js';
import { showLocalTime } from './local-time.js';
import { webLinks } from './web-links.js';

/** Shows have a start and no end: a calendar entry lasts this long. */
export const CALENDAR_EVENT_MINUTES = 60;

/**
 * A booking as an iCalendar file with one VEVENT. Its UID is the booking's, so importing the file again (or
 * from the email and from the receipt page) updates one entry. The `ics` package writes no TZID/VTIMEZONE, so
 * DTSTART is the UTC instant (...Z), which every calendar shows at the right moment in its own zone; the
 * description tells the time in the show's zone too.
 */
export function bookingCalendar(data: MailData, webUrl: string): string {
  const places = data.quantity === 1 ? '1 place' : `${data.quantity} places`;
  const { error, value } = createEvent({
    productId: 'holdfast/booking',
    uid: `booking-${data.bookingId}@holdfast`,
    start: Date.parse(data.startTime),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: CALENDAR_EVENT_MINUTES },
    title: data.showName,
    description: `${places}, booking ${data.bookingId}. ${showLocalTime(data.startTime, data.timeZone)}.`,
    url: webLinks.receipt(webUrl, data.bookingId),
    status: 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}

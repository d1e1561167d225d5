import type { OutgoingEmail } from '../../platform/mailer.js';
import { bookingCalendar } from './booking-calendar.js';
import type { QueuedEmail } from './email-kinds.js';
import { clockTime, showLocalTime } from './local-time.js';
import { webLinks } from './web-links.js';

interface Content {
  subject: string;
  /** Paragraphs, the same in the text and the HTML part. */
  lines: string[];
  link: { label: string; href: string };
}

const places = (quantity: number) => (quantity === 1 ? '1 place' : `${quantity} places`);

function contentOf(email: QueuedEmail, webUrl: string): Content {
  const when = showLocalTime(email.data.startTime, email.data.timeZone);
  const hello = `Hello ${email.data.recipientName},`;
  if (email.kind === 'WAITLIST_SHOW_CANCELLED') {
    const d = email.data;
    return {
      subject: `Waitlist closed: ${d.showName}, ${when}`,
      lines: [
        hello,
        `${d.showName} on ${when} was withdrawn by the organiser, so it no longer has a waitlist: the ` +
          `${places(d.quantity)} you were waiting for will not be offered. We are sorry for the trouble.`,
      ],
      link: { label: 'Find another show', href: webLinks.shows(webUrl) },
    };
  }
  const d = email.data;
  switch (email.kind) {
    case 'BOOKING_CONFIRMED':
      return {
        subject: `Booking confirmed: ${d.showName}, ${when}`,
        lines: [
          hello,
          `Your booking of ${places(d.quantity)} for ${d.showName} on ${when} is confirmed.`,
          'The attached calendar file adds it to your calendar.',
        ],
        link: { label: 'See your booking', href: webLinks.receipt(webUrl, d.bookingId) },
      };
    case 'WAITLIST_OFFER':
      return {
        subject: `A place for you: ${d.showName}, ${when}`,
        lines: [
          hello,
          `${places(d.quantity)} for ${d.showName} on ${when} ${d.quantity === 1 ? 'is' : 'are'} ` +
            `held for you until ${clockTime(d.holdExpiresAt, d.timeZone)} (${d.timeZone}).`,
          'Confirm before then to keep them; after that they pass to the next person waiting.',
        ],
        link: { label: 'Open the offer', href: webLinks.offer(webUrl, d.showId, d.bookingId) },
      };
    case 'BOOKING_CANCELLED':
      return {
        subject: `Cancelled: ${d.showName}, ${when}`,
        lines: [
          hello,
          `${d.showName} on ${when} was withdrawn by the organiser, so your booking of ` +
            `${places(d.quantity)} is cancelled. We are sorry for the trouble.`,
        ],
        link: { label: 'See your bookings', href: webLinks.myBookings(webUrl) },
      };
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One queued email as plain text and simple HTML; a confirmation carries the booking's calendar file. */
export function renderEmail(email: QueuedEmail, webUrl: string): OutgoingEmail {
  const { subject, lines, link } = contentOf(email, webUrl);
  const text = [...lines, `${link.label}: ${link.href}`, '-- Holdfast'].join('\n\n');
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
    '<p>Holdfast</p>',
  ].join('\n');
  const attachments =
    email.kind === 'BOOKING_CONFIRMED'
      ? [{ filename: 'booking.ics', content: bookingCalendar(email.data, webUrl), contentType: 'text/calendar' }]
      : [];
  return { to: email.recipient, subject, text, html, attachments };
}

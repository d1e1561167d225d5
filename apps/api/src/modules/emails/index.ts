// The emails module's public face: the outbox (queue in the change's transaction, send afterwards).
export { bookingCalendar } from './booking-calendar.js';
export type { EmailKind } from './email-kinds.js';
export { calendarNeedsConfirmation } from './emails.errors.js';
export { enqueueEmail, findOwnMailData } from './emails.repository.js';
export { sendDueEmails, type SendOutcome, type SendSettings } from './send-due-emails.js';

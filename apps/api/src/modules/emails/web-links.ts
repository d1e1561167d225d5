/**
 * Where an email's links lead in the web app: a confirmation to its receipt (what, when, where, the calendar
 * file), a cancellation to the person's bookings (the receipt of a cancelled booking has nothing to do), and the
 * waitlist offer to its show's page.
 */
export const webLinks = {
  myBookings: (webUrl: string) => `${webUrl}/my-bookings`,
  receipt: (webUrl: string, bookingId: number) => `${webUrl}/bookings/${bookingId}`,
  offer: (webUrl: string, showId: number, bookingId: number) => `${webUrl}/shows/${showId}?offer=${bookingId}`,
};

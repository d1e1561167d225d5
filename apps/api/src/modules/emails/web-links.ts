/**
 * Where an email's links lead in the web app: a confirmation to its receipt (what, when, where, the calendar
 * file), a cancellation to the person's bookings (the receipt of a cancelled booking has nothing to do), the
 * waitlist offer to its show's page, and a waitlist whose show was withdrawn to the other shows.
 */
export const webLinks = {
  shows: (webUrl: string) => `${webUrl}/`,
  myBookings: (webUrl: string) => `${webUrl}/my-bookings`,
  receipt: (webUrl: string, bookingId: number) => `${webUrl}/bookings/${bookingId}`,
  offer: (webUrl: string, showId: number, bookingId: number) => `${webUrl}/shows/${showId}?offer=${bookingId}`,
};

/** "Saturday 5 December 2026 at 19:30 (Europe/Paris)": a show's time as the wall clock of its own zone says it. */
export function showLocalTime(instant: string, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' });
  return `${local.format(new Date(instant))} (${timeZone})`;
}

/** "19:30": a time on the same day, for a deadline (a waitlist offer's). */
export function clockTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, timeStyle: 'short' }).format(new Date(instant));
}

import { download } from '@/lib/api-client';

/** Saves the booking's calendar file (GET /bookings/:id/calendar.ics, owner only) as holdfast-<reference>.ics. */
export async function downloadCalendar(booking: { id: number; reference: string }): Promise<void> {
  const blob = await download(`/bookings/${booking.id}/calendar.ics`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `holdfast-${booking.reference}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the browser's download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

import { bookingEndpoints } from '@holdfast/contracts';
import { callDownload } from '@/lib/api-client';
import { saveFile } from '@/lib/save-file';

/** Saves the booking's calendar file (GET /bookings/:id/calendar.ics, owner only) as holdfast-<reference>.ics. */
export async function downloadCalendar(booking: { id: number; reference: string }): Promise<void> {
  const file = await callDownload(bookingEndpoints.bookingCalendar, { params: { id: booking.id } });
  saveFile(file.blob, `holdfast-${booking.reference}.ics`);
}

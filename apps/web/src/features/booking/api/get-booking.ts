import { bookingEndpoints } from '@holdfast/contracts';
import { call } from '@/lib/api-client';

// No query or hook: the booking flow reads one booking only to learn its state right now (after a lost
// answer, a reload, another tab's change), so it must always ask the server, never a cache.
export const getBooking = (bookingId: number) => call(bookingEndpoints.getBooking, { params: { id: bookingId } });

import { endpoints } from '@holdfast/contracts';
import { call } from '@/lib/api-client';

// No query or hook: only the booking flow's recovery reads one booking, and it must always ask the
// server, never a cache.
export const getBooking = (bookingId: number) => call(endpoints.getBooking, { params: { id: bookingId } });

import { bookingEndpoints } from '@holdfast/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getShow } from '@/api/get-show';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** A booking and its show: the what, when and where of a receipt. */
export async function getReceipt(bookingId: number, signal?: AbortSignal) {
  const booking = await call(bookingEndpoints.getBooking, { params: { id: bookingId }, signal });
  const show = await getShow(booking.showId, signal);
  return { booking, show };
}

export const getReceiptQueryOptions = (bookingId: number) =>
  queryOptions({
    queryKey: queryKeys.personal.receipt(bookingId),
    queryFn: ({ signal }) => getReceipt(bookingId, signal),
  });

export const useReceipt = (bookingId: number, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...getReceiptQueryOptions(bookingId), enabled });

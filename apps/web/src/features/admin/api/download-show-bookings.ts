import { recordEndpoints } from '@holdfast/contracts';
import { callDownload } from '@/lib/api-client';

export const downloadShowBookings = (showId: number) =>
  callDownload(recordEndpoints.exportShowBookings, { params: { id: showId } });

import { endpoints } from '@holdfast/contracts';
import { callDownload } from '@/lib/api-client';

export const downloadShowBookings = (showId: number) =>
  callDownload(endpoints.exportShowBookings, { params: { id: showId } });

import { recordEndpoints } from '@holdfast/contracts';
import { useQuery } from '@tanstack/react-query';
import { call, callDownload } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface ReportWindow {
  from: string;
  to: string;
}

/** The occupancy report of a window; nothing is asked until a window is chosen. */
export const useOccupancyReport = (window: ReportWindow | null) =>
  useQuery({
    queryKey: queryKeys.personal.occupancyReport(window ?? { from: '', to: '' }),
    queryFn: ({ signal }) => call(recordEndpoints.occupancyReport, { query: window!, signal }),
    enabled: window !== null,
  });

export const downloadOccupancyCsv = (window: ReportWindow) =>
  callDownload(recordEndpoints.occupancyReport, { query: { ...window, format: 'csv' } });

import type { Show } from '@holdfast/contracts';
import { useQueries } from '@tanstack/react-query';
import { getShowBookingsQueryOptions } from '../api/get-show-bookings';
import { occupancyOf, type Occupancy } from '../model/occupancy';

/** Each show's bookings, refetched by the live hook whenever that show's availability changes. */
export function useOccupancies(shows: Show[]): Map<number, Occupancy> {
  return useQueries({
    queries: shows.map((show) => getShowBookingsQueryOptions(show.id)),
    combine: (results) => new Map(shows.map((show, i) => [show.id, occupancyOf(show, results[i]?.data)])),
  });
}

import { authEndpoints } from '@holdfast/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export const getMe = (signal?: AbortSignal) => call(authEndpoints.me, { signal });

export const getMeQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.personal.me(),
    queryFn: ({ signal }) => getMe(signal),
  });

/** Re-validates a stored token; without one there is nobody to ask about. */
export const useMe = ({ enabled }: { enabled: boolean }) => useQuery({ ...getMeQueryOptions(), enabled });

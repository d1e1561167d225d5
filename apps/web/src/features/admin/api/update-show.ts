import { showEndpoints, type UpdateShowRequest } from '@holdfast/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { useStoreShow } from '../hooks/use-store-show';

export const updateShow = (showId: number, body: UpdateShowRequest) =>
  call(showEndpoints.updateShow, { params: { id: showId }, body });

export function useUpdateShow(showId: number) {
  const storeShow = useStoreShow();
  return useMutation({ mutationFn: (body: UpdateShowRequest) => updateShow(showId, body), onSuccess: storeShow });
}

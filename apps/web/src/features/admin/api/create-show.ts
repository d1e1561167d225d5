import { type CreateShowRequest, showEndpoints } from '@holdfast/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { useStoreShow } from '../hooks/use-store-show';

export const createShow = (body: CreateShowRequest) => call(showEndpoints.createShow, { body });

export function useCreateShow() {
  const storeShow = useStoreShow();
  return useMutation({ mutationFn: createShow, onSuccess: storeShow });
}

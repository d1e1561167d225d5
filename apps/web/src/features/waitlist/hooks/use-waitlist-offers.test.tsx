import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query-keys';
import type { ShowsSocket } from '@/lib/socket';
import { fakeSocket } from '@/testing/fake-socket';
import { useWaitlistOffers } from './use-waitlist-offers';

describe('listening for waitlist offers', () => {
  it('when the socket connected before the listener was attached, then the entries are read again', async () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    let arrive: (socket: ShowsSocket) => void = () => {};
    // The socket's code loads after the page: an offer made meanwhile went to no listener.
    const late = new Promise<ShowsSocket>((resolve) => (arrive = resolve));
    const getSocket = () => late;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    renderHook(() => useWaitlistOffers(true, getSocket), { wrapper });
    expect(invalidate).not.toHaveBeenCalled();

    arrive(fakeSocket as unknown as ShowsSocket);

    await waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.personal.myWaitlistEntries() }));
  });
});

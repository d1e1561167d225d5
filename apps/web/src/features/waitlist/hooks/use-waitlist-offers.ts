import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '@/lib/query-keys';
import { loadShowsSocket } from '@/lib/load-socket';
import type { ShowsSocket } from '@/lib/socket';

/**
 * An offer heard on the socket (it reaches only the signed-in person's sockets) refreshes their entries and
 * bookings; the banner renders from those, so an offer missed while offline still shows on the next read.
 */
export function useWaitlistOffers(enabled: boolean, getSocket: () => Promise<ShowsSocket> = loadShowsSocket): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let stop = () => {};
    let ended = false;
    const onOffer = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.myWaitlistEntries() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.myBookings() });
    };
    // The socket's client loads after first paint (lib/load-socket.ts): listen once it is there.
    void getSocket().then((socket) => {
      if (ended) return;
      // An offer made while the socket was down was not heard: a reconnect reads the entries again.
      socket.on('waitlistOffer', onOffer);
      socket.on('connect', onOffer);
      // Nor one made before this listener existed (the page was still loading, the socket already connected):
      // read them once more now that every later offer will be heard.
      if (socket.connected) onOffer();
      stop = () => {
        socket.off('waitlistOffer', onOffer);
        socket.off('connect', onOffer);
      };
    });
    return () => {
      ended = true;
      stop();
    };
  }, [enabled, getSocket, queryClient]);
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '@/lib/query-keys';
import { getShowsSocket, type ShowsSocket } from '@/lib/socket';

/**
 * An offer heard on the socket (it reaches only the signed-in person's sockets) refreshes their entries and
 * bookings; the banner renders from those, so an offer missed while offline still shows on the next read.
 */
export function useWaitlistOffers(enabled: boolean, getSocket: () => ShowsSocket = getShowsSocket): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const socket = getSocket();
    const onOffer = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.myWaitlistEntries() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.myBookings() });
    };
    // An offer made while the socket was down was not heard: a reconnect reads the entries again.
    socket.on('waitlistOffer', onOffer);
    socket.on('connect', onOffer);
    return () => {
      socket.off('waitlistOffer', onOffer);
      socket.off('connect', onOffer);
    };
  }, [enabled, getSocket, queryClient]);
}

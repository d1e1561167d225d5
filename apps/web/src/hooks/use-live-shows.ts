import type { Show, ShowAvailability } from '@holdfast/contracts';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ShowPages } from '@/api/get-shows';
import { applyAvailability, type ListWindow } from '@/lib/apply-availability';
import { queryKeys } from '@/lib/query-keys';
import { onShowWatchesChanged, watchedShows } from '@/lib/show-watches';
import { freshUpdates } from '@/lib/show-versions';
import { loadShowsSocket } from '@/lib/load-socket';
import type { ShowsSocket } from '@/lib/socket';

/**
 * The only user of the socket: writes `showsUpdated` into the query cache so every screen re-renders from
 * the cache, tells the server which shows the screens watch (useWatchedShows), and after a reconnect sends
 * that again (the server forgets it with the old connection) and refetches, because events sent while we
 * were offline are lost. Returns whether live updates are flowing.
 */
export function useLiveShows(loadSocket: () => Promise<ShowsSocket> = loadShowsSocket): { connected: boolean } {
  const queryClient = useQueryClient();
  // Optimistic until the socket reports a failure, so the first connect does not flash "offline".
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    let detach: (() => void) | undefined;
    let unmounted = false;
    loadSocket().then(
      (socket) => {
        if (!unmounted) detach = attachLiveShows(socket, queryClient, setConnected);
      },
      // The client library could not be fetched (offline after a deploy): the page works, without live updates.
      () => setConnected(false),
    );
    return () => {
      unmounted = true;
      detach?.();
    };
  }, [loadSocket, queryClient]);
  return { connected };
}

/** Subscribes the query cache to one socket; returns the unsubscribe. */
function attachLiveShows(socket: ShowsSocket, queryClient: QueryClient, setConnected: (connected: boolean) => void) {
  let hasConnected = socket.connected;
  // What the server was last told on this connection; a new connection starts from "every change".
  let told: string | undefined;
  const tellWatches = () => {
    const showIds = watchedShows();
    const key = showIds === null ? 'all' : showIds.join(',');
    if (!socket.connected || key === told) return;
    told = key;
    socket.emit('watchShows', showIds);
  };
  // A navigation withdraws one screen's wish and adds the next one's in the same commit: tell the result once.
  let telling = false;
  const tellWatchesSoon = () => {
    if (telling) return;
    telling = true;
    queueMicrotask(() => {
      telling = false;
      tellWatches();
    });
  };

  const onUpdate = (received: ShowAvailability[]) => {
    const updates = freshUpdates(received);
    if (updates.length === 0) return;
    // Every loaded list (the shows page, each admin view, each date asked for) with all its pages.
    for (const [key, data] of queryClient.getQueriesData<ShowPages>({ queryKey: queryKeys.shows.lists() })) {
      if (!data) continue;
      const window = (key[2] ?? {}) as ListWindow;
      queryClient.setQueryData<ShowPages>(key, { ...data, pages: applyAvailability(data.pages, updates, window) });
    }
    for (const update of updates) {
      if (update.deleted) {
        queryClient.removeQueries({ queryKey: queryKeys.shows.detail(update.id), exact: true });
        continue;
      }
      queryClient.setQueryData<Show>(queryKeys.shows.detail(update.id), (show) =>
        show ? { ...show, ...withoutUndefined(update) } : show,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.showBookings(update.id) });
    }
  };
  const onConnect = () => {
    told = 'all';
    tellWatches();
    setConnected(true);
    if (hasConnected) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.shows.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.allShowBookings() });
    }
    hasConnected = true;
  };
  const onDisconnect = () => setConnected(false);
  const onConnectError = () => setConnected(false);

  socket.on('showsUpdated', onUpdate);
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  const stopWatching = onShowWatchesChanged(tellWatchesSoon);
  tellWatches();
  return () => {
    stopWatching();
    socket.off('showsUpdated', onUpdate);
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onConnectError);
  };
}

function withoutUndefined(update: ShowAvailability): Partial<Show> {
  const { id: _id, deleted: _deleted, ...rest } = update;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}

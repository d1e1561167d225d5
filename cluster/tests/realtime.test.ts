import type { ClientToServerEvents, ServerToClientEvents, ShowAvailability } from '@holdfast/contracts';
import { io, type Socket } from 'socket.io-client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { book, seedShow, seedUsers, upstreamsOf, useCluster, withNginx } from '../support/cluster.js';

type Watcher = Socket<ServerToClientEvents, ClientToServerEvents> & { heard: ShowAvailability[][] };

/** A watcher as the web app connects one: through nginx, under /api/, WebSocket only. */
async function connectWatcher(origin: string): Promise<Watcher> {
  const socket = io(origin, {
    path: '/api/socket.io/',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  }) as Watcher;
  socket.heard = [];
  socket.on('showsUpdated', (shows) => socket.heard.push(shows));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

describe.runIf(withNginx)('live updates through nginx over three instances', () => {
  const cluster = useCluster(3);

  // Needs cross-instance delivery (the Socket.IO adapter of issue 9): a watcher on another instance than the one
  // that took the booking hears it only through the adapter.
  it('when a booking is made through nginx, then every watcher on every instance hears it exactly once', async () => {
    const showId = await seedShow(cluster(), 20);
    const [token] = await seedUsers(cluster(), 1);
    const watchers = await Promise.all(Array.from({ length: 9 }, () => connectWatcher(cluster().url)));
    onTestFinished(() => watchers.forEach((watcher) => watcher.disconnect()));

    expect((await book(cluster(), token!, showId, 3)).status).toBe(201);

    const heardShow = (watcher: Watcher) => watcher.heard.filter((shows) => shows.some((show) => show.id === showId));
    await expect
      .poll(() => watchers.filter((watcher) => heardShow(watcher).length > 0).length, { timeout: 5_000 })
      .toBe(watchers.length);
    // Long enough for a duplicate from another instance's broadcaster to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const watcher of watchers) {
      expect(heardShow(watcher)).toHaveLength(1);
      expect(heardShow(watcher)[0]!.find((show) => show.id === showId)!.availableSlots).toBe(17);
    }

    // nginx logs a socket when it closes: the watchers were spread over all three instances.
    for (const watcher of watchers) watcher.disconnect();
    await expect.poll(() => upstreamsOf(cluster(), /^GET \/api\/socket\.io\/ 101 /).length).toBe(watchers.length);
    expect(new Set(upstreamsOf(cluster(), /^GET \/api\/socket\.io\/ 101 /)).size).toBe(3);
  });
});

/**
 * The watchers of fan-out.bench.ts, in their own process so that their work is not the API's: WATCHERS
 * socket.io-client sockets over WebSocket, each recording when it heard which count of SHOW_ID. Reports over
 * IPC: `ready` once all are connected, then on `report` every watcher's [receivedAt, availableSlots] pairs.
 */
import type { ClientToServerEvents, ServerToClientEvents } from '@holdfast/contracts';
import { io, type Socket } from 'socket.io-client';

const url = process.env.API_URL!;
const watchers = Number(process.env.WATCHERS ?? 2000);
const showId = Number(process.env.SHOW_ID);
/** `one`: every watcher narrows to the hot show (the booking page); anything else: every change (the list). */
const narrow = process.env.NARROW === 'one';

const heard: number[][] = [];
let messages = 0;
const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];

async function connectAll() {
  for (let i = 0; i < watchers; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, watchers - i) }, async (_, j) => {
        const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        const log: number[] = (heard[i + j] = []);
        socket.on('showsUpdated', (shows) => {
          messages++;
          const show = shows.find((candidate) => candidate.id === showId);
          if (show) log.push(Date.now(), show.availableSlots);
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        // Older servers have no watchShows: without an acknowledgement the socket simply hears everything.
        if (narrow)
          await socket
            .timeout(2_000)
            .emitWithAck('watchShows', [showId])
            .catch(() => undefined);
        sockets.push(socket);
      }),
    );
  }
}

process.on('message', (message: string) => {
  if (message !== 'report') return;
  process.send!({ heard, messages }, () => {
    for (const socket of sockets) socket.disconnect();
    process.exit(0);
  });
});

connectAll().then(
  () => process.send!('ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

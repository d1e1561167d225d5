import type {
  ClientToServerEvents,
  ServerToClientEvents,
  ShowAvailability,
  WatchShows,
  WatchShowsReply,
} from '@holdfast/contracts';
import { io, type Socket } from 'socket.io-client';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents> & {
  received: ShowAvailability[][];
  /** When each message of `received` arrived (Date.now()). */
  receivedAt: number[];
};

/** A real Socket.IO client that records every showsUpdated it receives, and when. */
export async function connectSocket(
  baseUrl: string,
  options: { origin?: string; transport?: 'websocket' | 'polling' } = {},
): Promise<TestSocket> {
  const extraHeaders = options.origin ? { origin: options.origin } : undefined;
  const socket = io(baseUrl, {
    transports: [options.transport ?? 'websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders,
  }) as TestSocket;
  socket.received = [];
  socket.receivedAt = [];
  socket.on('showsUpdated', (shows) => {
    socket.received.push(shows);
    socket.receivedAt.push(Date.now());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Waits for a showsUpdated message that carries the given show and satisfies `matches`. */
export async function waitForShowUpdate(
  socket: TestSocket,
  showId: number,
  matches: (show: ShowAvailability) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<ShowAvailability> {
  const started = Date.now();
  for (;;) {
    for (const message of socket.received) {
      const show = message.find((candidate) => candidate.id === showId && matches(candidate));
      if (show) return show;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`no showsUpdated for show ${showId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Narrows what the socket hears and waits for the server's acknowledgement. */
export function watchShows(socket: TestSocket, showIds: WatchShows): Promise<WatchShowsReply> {
  return socket.timeout(5_000).emitWithAck('watchShows', showIds);
}

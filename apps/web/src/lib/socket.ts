import type { ClientToServerEvents, ServerToClientEvents } from '@holdfast/contracts';
import { io, type Socket } from 'socket.io-client';
import { env } from '@/config/env';

export type ShowsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ShowsSocket | null = null;

/** One anonymous connection per tab, opened on first use; only the live-shows hook subscribes. */
export function getShowsSocket(): ShowsSocket {
  socket ??= io(env.apiUrl, { transports: ['websocket', 'polling'] });
  return socket;
}

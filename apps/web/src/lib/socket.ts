import type { ClientToServerEvents, ServerToClientEvents } from '@holdfast/contracts';
import { io, type Socket } from 'socket.io-client';
import { env } from '@/config/env';

export type ShowsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ShowsSocket | null = null;

/**
 * Behind nginx the API lives under a path (/api); for Socket.IO a URL's path names a namespace, so the prefix
 * goes into the engine's path instead.
 */
export function socketAddress(apiUrl: string, page = window.location.href): { origin: string; path: string } {
  const url = new URL(apiUrl, page);
  return { origin: url.origin, path: `${url.pathname.replace(/\/+$/, '')}/socket.io/` };
}

/**
 * One anonymous connection per tab, opened on first use; only the live-shows hook subscribes. WebSocket only
 * (ADR 0014): a socket stays on the instance it reached, so several API instances need no sticky sessions.
 */
export function getShowsSocket(): ShowsSocket {
  const { origin, path } = socketAddress(env.apiUrl);
  socket ??= io(origin, { path, transports: ['websocket'] });
  return socket;
}

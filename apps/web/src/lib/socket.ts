import { SOCKET_TOKEN_INVALID, type ClientToServerEvents, type ServerToClientEvents } from '@holdfast/contracts';
import { io, type Socket } from 'socket.io-client';
import { env } from '@/config/env';
import { authToken } from './auth-token';

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

/** The token the socket last connected with, and one the server refused (connect anonymously instead). */
let connectedAs: string | null = null;
let refused: string | null = null;

/**
 * One connection per tab, opened on first use; only the live hooks subscribe. Signed in, it sends the token in the
 * handshake, so the server also tells it of this person's waitlist offers. WebSocket only (ADR 0014): a socket
 * stays on the instance it reached, so several API instances need no sticky sessions.
 */
export function getShowsSocket(): ShowsSocket {
  const { origin, path } = socketAddress(env.apiUrl);
  if (socket) return socket;
  const created: ShowsSocket = io(origin, {
    path,
    transports: ['websocket'],
    // Asked on every (re)connection, so it always carries the token of the moment.
    auth: (send) => {
      const token = authToken.get();
      connectedAs = token !== null && token !== refused ? token : null;
      send(connectedAs === null ? {} : { token: connectedAs });
    },
  });
  // A refused handshake is not retried by Socket.IO: go on anonymously (the public updates still matter).
  created.on('connect_error', (error) => {
    if (error.message !== SOCKET_TOKEN_INVALID) return;
    refused = connectedAs;
    created.connect();
  });
  socket = created;
  return socket;
}

/** After a log-in or log-out: reconnects if the socket speaks for someone else than the current token. */
export function identifySocket(): void {
  if (!socket || connectedAs === authToken.get()) return;
  socket.disconnect().connect();
}

import { SOCKET_TOKEN_INVALID } from '@holdfast/contracts';
import type { Tokens } from '../modules/auth/index.js';
import type { SocketServer } from './socket-server.js';

/** The room of one user's sockets on this instance: waitlist offers go there. */
export const userRoom = (userId: number) => `user:${userId}`;

/**
 * A socket may say who it is with `auth: {token}` in its handshake (the bearer token of the HTTP API); one that
 * says nothing is anonymous and hears the public show updates only, as before. A token that is not valid (or has
 * expired) refuses the handshake with SOCKET_TOKEN_INVALID rather than connecting anonymously, so a client never
 * believes it will hear its offers when it will not: it connects again with a fresh token, or without one.
 */
export function identifySockets(io: SocketServer, tokens: Tokens): void {
  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (token === undefined || token === null) return next();
    try {
      if (typeof token !== 'string') throw new TypeError('token is not a string');
      socket.data.userId = tokens.verify(token).userId;
      next();
    } catch {
      const refusal = new Error(SOCKET_TOKEN_INVALID) as Error & { data?: unknown };
      refusal.data = { message: 'The access token is invalid or has expired: sign in again' };
      next(refusal);
    }
  });
  io.on('connection', (socket) => {
    const userId = socket.data.userId as number | undefined;
    if (userId !== undefined) void socket.join(userRoom(userId));
  });
}

import type { ClientToServerEvents, ServerToClientEvents } from '@holdfast/contracts';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { clientAddress, trustedProxies } from '../platform/client-address.js';
import type { InterServerEvents } from './shows-snapshot.js';

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;

/** Refusal reasons, in Socket.IO's handshake error (`connect_error`'s message on the client). */
export const ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED';
export const TOO_MANY_SOCKETS = 'TOO_MANY_SOCKETS';

/**
 * Anyone may listen (the show list is public); the one thing a client may send, `watchShows`, is handled by
 * show-audiences.ts. Two guards:
 * CORS does not cover WebSocket upgrades, so the handshake's Origin is checked here against CORS_ORIGIN (a
 * request without one is not a browser and could send any Origin anyway); and one address may hold at most
 * `maxPerAddress` sockets (0 = unlimited), so a single client cannot exhaust the server; behind a trusted proxy
 * (TRUST_PROXY) the address is the one the proxy forwards.
 */
export function createSocketServer(
  httpServer: HttpServer,
  options: {
    corsOrigins: string[] | '*';
    maxPerAddress: number;
    trustProxy: string[];
    adapter?: ServerOptions['adapter'];
  },
): SocketServer {
  const open = new Map<string, number>();
  const trusted = trustedProxies(options.trustProxy);
  const addressOf = (req: IncomingMessage) => clientAddress(req, trusted);
  const io: SocketServer = new Server(httpServer, {
    adapter: options.adapter,
    cors: { origin: options.corsOrigins === '*' ? true : options.corsOrigins },
    serveClient: false,
    allowRequest(req, callback) {
      const origin = req.headers.origin;
      if (options.corsOrigins !== '*' && origin !== undefined && !options.corsOrigins.includes(origin)) {
        return callback(ORIGIN_NOT_ALLOWED, false);
      }
      const full = options.maxPerAddress > 0 && (open.get(addressOf(req)) ?? 0) >= options.maxPerAddress;
      callback(full ? TOO_MANY_SOCKETS : null, !full);
    },
  });
  // Counted per Engine.IO session, which exists from the handshake on, even if no namespace is ever joined.
  io.engine.on('connection', (session: { request: IncomingMessage; once(event: 'close', fn: () => void): void }) => {
    const address = addressOf(session.request);
    open.set(address, (open.get(address) ?? 0) + 1);
    session.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return io;
}

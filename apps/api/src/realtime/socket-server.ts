import type { ClientToServerEvents, ServerToClientEvents } from '@holdfast/contracts';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Anyone may listen: the show list is public. Clients send nothing, so there are no handlers. */
export function createSocketServer(httpServer: HttpServer, corsOrigins: string[] | '*'): SocketServer {
  return new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    cors: { origin: corsOrigins === '*' ? true : corsOrigins },
    serveClient: false,
  });
}

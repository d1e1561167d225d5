import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from './app.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import { createShowAudiences, type ShowAudiences } from './realtime/show-audiences.js';
import { createShowsBroadcaster, type ShowsBroadcaster } from './realtime/shows-broadcaster.js';
import { createSocketServer, type SocketServer } from './realtime/socket-server.js';

export interface ServerStack {
  httpServer: Server;
  metrics: Metrics;
  io: SocketServer;
  broadcaster: ShowsBroadcaster;
  audiences: ShowAudiences;
  /** Starts listening; port 0 picks a free port. Answers the address actually bound. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops broadcasting, closes every socket and the HTTP server. The database is the caller's to close. */
  close(): Promise<void>;
}

/** HTTP app + Socket.IO + the broadcaster between them, wired once for main.ts and for the tests. */
export function createServerStack(appDeps: AppDeps): ServerStack {
  const deps = { ...appDeps, metrics: appDeps.metrics ?? createMetrics() };
  const httpServer = createServer(createApp(deps));
  const io = createSocketServer(httpServer, {
    corsOrigins: deps.config.corsOrigins,
    maxPerAddress: deps.config.maxSocketsPerIp,
    trustProxy: deps.config.trustProxy,
  });
  deps.metrics.observeSockets(() => io.engine.clientsCount);
  const audiences = createShowAudiences(io);
  const broadcaster = createShowsBroadcaster({
    db: deps.db,
    events: deps.events,
    reporter: deps.reporter,
    deliver: (shows, added) => audiences.deliver(shows, added),
    onDelivered: (lagMs) => deps.metrics.broadcastDelivered(lagMs),
  });
  return {
    httpServer,
    metrics: deps.metrics,
    io,
    broadcaster,
    audiences,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      }),
    async close() {
      broadcaster.stop();
      // io.close() also closes the HTTP server it is attached to.
      await io.close();
    },
  };
}

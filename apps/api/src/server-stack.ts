import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from './app.js';
import { createClusterAdapter, type ClusterAdapter } from './realtime/cluster-adapter.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import { createShowAudiences, type ShowAudiences } from './realtime/show-audiences.js';
import { createShowsBroadcaster, type ShowsBroadcaster } from './realtime/shows-broadcaster.js';
import type { ClusterLink } from './realtime/shows-snapshot.js';
import { createSocketServer, type SocketServer } from './realtime/socket-server.js';

export interface ServerStack {
  httpServer: Server;
  metrics: Metrics;
  io: SocketServer;
  broadcaster: ShowsBroadcaster;
  audiences: ShowAudiences;
  /** Which Socket.IO adapter links this instance to the others (REDIS_URL set: redis). */
  clusterAdapter: ClusterAdapter['kind'];
  /** Starts listening once the adapter hears the other instances; port 0 picks a free port. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops broadcasting, closes every socket, the adapter and the HTTP server. The database is the caller's. */
  close(): Promise<void>;
}

/** HTTP app + Socket.IO + the broadcaster between them, wired once for main.ts and for the tests. */
export function createServerStack(appDeps: AppDeps): ServerStack {
  const deps = { ...appDeps, metrics: appDeps.metrics ?? createMetrics() };
  // ── cluster (ADR 0015): the adapter between instances and the link the broadcaster talks through ──
  const cluster = createClusterAdapter(deps, {
    redisUrl: deps.config.redisUrl,
    databaseUrl: deps.config.databaseUrl,
  });
  const httpServer = createServer(createApp({ ...deps, redis: cluster.redis }));
  const io = createSocketServer(httpServer, {
    corsOrigins: deps.config.corsOrigins,
    maxPerAddress: deps.config.maxSocketsPerIp,
    trustProxy: deps.config.trustProxy,
    adapter: cluster.adapter,
  });
  const link: ClusterLink = {
    publish: (snapshot) => io.serverSideEmit('showsSnapshot', snapshot),
    onSnapshot(listener) {
      io.on('showsSnapshot', listener);
      return () => void io.off('showsSnapshot', listener);
    },
  };
  // ── end cluster ──
  deps.metrics.observeSockets(() => io.engine.clientsCount);
  const audiences = createShowAudiences(io);
  const broadcaster = createShowsBroadcaster({
    db: deps.db,
    events: deps.events,
    reporter: deps.reporter,
    cluster: link,
    deliver: (shows, added) => audiences.deliver(shows, added),
    onDelivered: (lagMs) => deps.metrics.broadcastDelivered(lagMs),
  });
  return {
    httpServer,
    metrics: deps.metrics,
    io,
    broadcaster,
    audiences,
    clusterAdapter: cluster.kind,
    async listen(port, host) {
      await cluster.ready(io);
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      });
    },
    async close() {
      broadcaster.stop();
      // io.close() closes each namespace's adapter and the HTTP server it is attached to.
      await io.close();
      await cluster.close();
    },
  };
}

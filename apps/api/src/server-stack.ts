import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from './app.js';
import { createClusterAdapter, type ClusterAdapter } from './realtime/cluster-adapter.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import { createShowAudiences, type ShowAudiences } from './realtime/show-audiences.js';
import { createShowsBroadcaster, type ShowsBroadcaster } from './realtime/shows-broadcaster.js';
import type { ClusterLink } from './realtime/shows-snapshot.js';
import { createSocketServer, type SocketServer } from './realtime/socket-server.js';
import { identifySockets } from './realtime/socket-identity.js';
import { deliverWaitlistOffers } from './realtime/waitlist-offers.js';
import { createTokens } from './modules/auth/index.js';

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
  identifySockets(io, createTokens(deps.config.jwt.secret, deps.config.jwt.expiresInSeconds));
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
  const offers = deliverWaitlistOffers(io, {
    databaseUrl: deps.config.databaseUrl,
    reporter: deps.reporter,
    onOffer: (offer) => broadcaster.expectLapse([offer.showId], new Date(offer.expiresAt)),
  });
  return {
    httpServer,
    metrics: deps.metrics,
    io,
    broadcaster,
    audiences,
    clusterAdapter: cluster.kind,
    async listen(port, host) {
      // Like the adapter's, the offers' LISTEN is waited for a moment at most: it keeps trying after that.
      const listening = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
      await Promise.all([cluster.ready(io), Promise.race([offers.ready, listening])]);
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      });
    },
    async close() {
      broadcaster.stop();
      // io.close() closes each namespace's adapter and the HTTP server it is attached to.
      await io.close();
      await Promise.all([cluster.close(), offers.close()]);
    },
  };
}

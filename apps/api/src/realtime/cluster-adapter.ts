import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import { createPubSubPool } from '../platform/db.js';
import { classifyDbFault, databaseUnavailable } from '../platform/db-faults.js';
import type { ErrorReporter } from '../platform/error-reporter.js';

/** How long startup waits for the adapter to be subscribed before serving anyway (it keeps trying). */
const READY_TIMEOUT_MS = 5_000;

export interface ClusterAdapter {
  kind: 'redis' | 'postgres';
  /** The Redis client of REDIS_URL (the adapter's publisher, free for plain commands), when set. */
  redis?: Redis;
  /** For Socket.IO's `adapter` option. */
  adapter: NonNullable<ServerOptions['adapter']>;
  /** Resolves once messages from the other instances are heard (a message sent before that is lost). */
  ready(io: { of(nsp: '/'): { adapter: unknown } }): Promise<void>;
  /** Ends the adapter's own connections; call after io.close(), which closes the adapter itself. */
  close(): Promise<void>;
}

/**
 * The official Socket.IO adapter between API instances (ADR 0015): Redis when REDIS_URL is set, otherwise
 * PostgreSQL's LISTEN/NOTIFY on the primary, so the embedded default needs no new server. Only cluster
 * messages travel through it (serverSideEmit): every instance delivers to its own sockets itself.
 */
export function createClusterAdapter(
  deps: { reporter: ErrorReporter },
  options: { redisUrl: string | null; databaseUrl: string },
): ClusterAdapter {
  // A database outage is already logged once by db.ts: the adapter's failures during it are one-line warnings.
  const errorHandler = (error: Error) =>
    deps.reporter.report(classifyDbFault(error) === 'unavailable' ? databaseUnavailable(error) : error, {
      source: 'socket.io adapter',
    });
  if (options.redisUrl) {
    const pub = new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      client.on('error', errorHandler);
      guardCommands(client, errorHandler);
    }
    return {
      kind: 'redis',
      redis: pub,
      adapter: createRedisAdapter(pub, sub, { key: 'holdfast' }),
      // Commands on one connection run in order: once a PING answers, the adapter's PSUBSCRIBE before it has.
      ready: async () => void (await withTimeout(sub.ping(), deps.reporter)),
      async close() {
        await Promise.allSettled([pub.quit(), sub.quit()]);
      },
    };
  }
  const pool = createPubSubPool(options.databaseUrl, errorHandler);
  return {
    kind: 'postgres',
    // Attachments (messages over NOTIFY's 8000 bytes) live seconds at most; the table is migration 8's.
    adapter: createPostgresAdapter(pool, { tableName: 'socket_io_attachments', cleanupInterval: 30_000, errorHandler }),
    async ready(io) {
      // The adapter's pub/sub client sets its `client` once its LISTEN has run (private; @socket.io/postgres-adapter
      // 0.5 util.js): nothing public says so.
      const adapter = io.of('/').adapter as { client?: { client?: unknown } };
      let waiting = true;
      await withTimeout(
        (async () => {
          while (waiting && !adapter.client?.client) await new Promise((resolve) => setTimeout(resolve, 10));
        })(),
        deps.reporter,
      );
      waiting = false;
    },
    close: () => pool.end(),
  };
}

async function withTimeout(work: Promise<unknown>, reporter: ErrorReporter) {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      const late = new Error(`socket.io adapter not subscribed after ${READY_TIMEOUT_MS} ms: serving anyway`);
      reporter.report(late, { source: 'socket.io adapter' });
      resolve();
    }, READY_TIMEOUT_MS);
  });
  await Promise.race([work.catch(() => {}), gaveUp]);
  clearTimeout(timer);
}

/**
 * @socket.io/redis-adapter (8.3) calls publish and (un)subscribe without awaiting them, so while Redis is
 * unreachable each would be an unhandled rejection, which ends the process (error-reporter.ts). Each gets a
 * handler that reports it; a caller that awaits the command still sees the failure.
 */
function guardCommands(client: Redis, onError: (error: Error) => void) {
  const commands = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['publish', 'psubscribe', 'punsubscribe', 'subscribe', 'unsubscribe']) {
    const command = commands[name]!.bind(client);
    commands[name] = (...args) => {
      const sent = command(...args);
      sent.catch(onError);
      return sent;
    };
  }
}

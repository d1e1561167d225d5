import { freePort, type DatabaseServer } from '@holdfast/embedded-db';
import { randomBytes } from 'node:crypto';
import { repoRoot } from './built-api.js';
import { startNginx, type RunningNginx } from './nginx.js';
import { startNodeProcess, waitUntilUp, type NodeProcess } from './node-process.js';

export interface ClusterInstance {
  url: string;
  process: NodeProcess;
}

export interface Cluster {
  /** nginx: the web app at /, the API under /api/. */
  url: string;
  apiUrl: string;
  instances: ClusterInstance[];
  nginx: RunningNginx;
  databaseUrl: string;
  jwtSecret: string;
  stop(): Promise<void>;
}

/**
 * `instances` built API processes on one fresh database, behind nginx rendered from deploy/nginx.conf, as the
 * compose file runs them.
 */
export async function startCluster(options: {
  databases: DatabaseServer;
  instances: number;
  env?: Record<string, string>;
}): Promise<Cluster> {
  const databaseName = `holdfast_cluster_${randomBytes(5).toString('hex')}`;
  await options.databases.createDatabase(databaseName);
  const databaseUrl = options.databases.urlFor(databaseName);
  const jwtSecret = randomBytes(32).toString('hex');
  const instances: ClusterInstance[] = [];
  let nginx: RunningNginx | null = null;
  const stop = async () => {
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.process.stop()));
    await options.databases.dropDatabase(databaseName);
  };
  const startInstance = async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const instance = {
      url,
      process: startNodeProcess([`${repoRoot}apps/api/dist/main.js`], {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          PORT: new URL(url).port,
          DATABASE_URL: databaseUrl,
          JWT_SECRET: jwtSecret,
          LOG_LEVEL: 'warn',
          ...options.env,
        },
      }),
    };
    instances.push(instance);
    await waitUntilUp(`${url}/health`, instance.process);
  };
  try {
    // One at a time, as compose does: each migrates on start (a second waits for the first's lock).
    for (let index = 0; index < options.instances; index++) await startInstance();
    nginx = await startNginx({
      listenPort: await freePort(),
      upstreams: instances.map((instance) => new URL(instance.url).host),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: nginx.url, apiUrl: `${nginx.url}/api`, instances, nginx, databaseUrl, jwtSecret, stop };
}

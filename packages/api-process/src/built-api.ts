import { freePort, type DatabaseServer } from '@holdfast/embedded-db';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startNodeProcess, waitUntilUp, type NodeProcess } from './node-process.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const thisBundle = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));

export interface BuiltApi {
  url: string;
  /** The API's own process, for tests that signal it. */
  process: NodeProcess;
  /** The API's own fresh database, dropped by stop(). */
  databaseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `pnpm start:api` as production runs it: the built bundle in its own process, NODE_ENV=production, a fresh
 * empty database on `databases`, configuration from the environment only. Resolves once /health answers.
 */
export async function startBuiltApi(options: {
  databases: DatabaseServer;
  /** Added to a minimal environment (PATH, NODE_ENV, PORT, DATABASE_URL, a JWT_SECRET). */
  env?: Record<string, string>;
  /** Variables naming the fresh database in another form, e.g. READ_DATABASE_URL: the same database on a replica. */
  databaseEnv?: (databaseUrl: string) => Record<string, string>;
  /** Print the API's output here instead of collecting it (benchmarks). */
  inheritOutput?: boolean;
  onOutput?: (text: string) => void;
  /** Restart on what an earlier one left (a supervisor restarting a killed API): its database, kept by stop(). */
  restartOf?: Pick<BuiltApi, 'url' | 'databaseUrl'>;
  /** Another build's main.js (the benchmark's before/after runs); this checkout's apps/api/dist/main.js by default. */
  bundle?: string;
}): Promise<BuiltApi> {
  const bundle = options.bundle ?? thisBundle;
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`pnpm build\` first (npm test does)`);
  const databaseName = `holdfast_api_${randomBytes(5).toString('hex')}`;
  if (!options.restartOf) await options.databases.createDatabase(databaseName);
  const databaseUrl = options.restartOf?.databaseUrl ?? options.databases.urlFor(databaseName);
  const port = options.restartOf ? Number(new URL(options.restartOf.url).port) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  let api: NodeProcess | null = null;
  const stop = async () => {
    await api?.stop();
    if (!options.restartOf) await options.databases.dropDatabase(databaseName);
  };
  try {
    api = startNodeProcess([bundle], {
      cwd: repoRoot,
      inheritOutput: options.inheritOutput,
      onOutput: options.onOutput,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        JWT_SECRET: randomBytes(32).toString('hex'),
        ...options.env,
        ...options.databaseEnv?.(databaseUrl),
      },
    });
    await waitUntilUp(`${url}/health`, api);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: api, databaseUrl, output: api.output, stop };
}

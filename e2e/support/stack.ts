import { freePort, startScratchServer } from '@holdfast/embedded-db';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface Stack {
  apiUrl: string;
  webUrl: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string) {
  for (let attempt = 0; ; attempt++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    if (child.exitCode !== null || attempt > 300) throw new Error(`${url} did not come up:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function start(args: string[], env: NodeJS.ProcessEnv) {
  let output = '';
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env } });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, log: () => output.slice(-4000) };
}

/**
 * The product as `npm start` runs it, from the build: a fresh PostgreSQL database, the API bundle and the
 * served web app, on free ports. Holds are short so expiry can be watched in a test.
 */
export async function startStack(options: { holdSeconds: number; sweepCron: string }): Promise<Stack> {
  for (const built of ['apps/api/dist/main.js', 'apps/web/dist/index.html']) {
    if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run \`pnpm build\` first (npm test does)`);
  }
  const scratch = await startScratchServer('e2e');
  const databaseName = `holdfast_e2e_${randomBytes(4).toString('hex')}`;
  await scratch.createDatabase(databaseName);

  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const admin = { email: 'admin@e2e.test', password: 'admin-password-e2e' };
  const api = start(['apps/api/dist/main.js'], {
    NODE_ENV: 'production',
    PORT: String(apiPort),
    DATABASE_URL: scratch.urlFor(databaseName),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    BOOKING_HOLD_SECONDS: String(options.holdSeconds),
    EXPIRY_SWEEP_CRON: options.sweepCron,
    LOG_LEVEL: 'warn',
  });
  await waitUntilUp(`${apiUrl}/health`, api.child, api.log);
  const web = start(['scripts/serve-web.mjs'], { WEB_PORT: String(webPort), API_URL: apiUrl });
  await waitUntilUp(webUrl, web.child, web.log);

  return {
    apiUrl,
    webUrl,
    admin,
    async stop() {
      for (const { child } of [web, api]) {
        child.kill('SIGTERM');
        if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      }
      await scratch.dropDatabase(databaseName);
      await scratch.stop();
    },
  };
}

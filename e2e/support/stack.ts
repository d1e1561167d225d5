import { repoRoot, startBuiltApi, startNodeProcess, waitUntilUp } from '@holdfast/api-process';
import { freePort, startScratchServer } from '@holdfast/embedded-db';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export { repoRoot };

export interface Stack {
  apiUrl: string;
  webUrl: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

/**
 * The product as `npm start` runs it, from the build: the API bundle on a fresh PostgreSQL database and the
 * served web app, on free ports. Holds are short so expiry can be watched in a test.
 */
export async function startStack(options: { holdSeconds: number; sweepCron: string }): Promise<Stack> {
  if (!existsSync(join(repoRoot, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist/index.html is missing: run `pnpm build` first (npm test does)');
  }
  const scratch = await startScratchServer('e2e');
  const admin = { email: 'admin@e2e.test', password: 'admin-password-e2e' };
  const api = await startBuiltApi({
    databases: scratch,
    env: {
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      BOOKING_HOLD_SECONDS: String(options.holdSeconds),
      EXPIRY_SWEEP_CRON: options.sweepCron,
      LOG_LEVEL: 'warn',
    },
  });
  const webUrl = `http://127.0.0.1:${await freePort()}`;
  const web = startNodeProcess(['scripts/serve-web.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, WEB_PORT: new URL(webUrl).port, API_URL: api.url },
  });
  await waitUntilUp(webUrl, web);

  return {
    apiUrl: api.url,
    webUrl,
    admin,
    async stop() {
      await web.stop();
      await api.stop();
      await scratch.stop();
    },
  };
}

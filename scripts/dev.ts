/** `pnpm dev`: the API under `tsx watch` and the web app under Vite's dev server, both reloading on change. */
import { join } from 'node:path';
import { adminAccount, banner, databaseUrl, root, run } from './lib/local-stack.js';

const apiPort = process.env.PORT ?? '3000';
const webPort = process.env.WEB_PORT ?? '5173';
const apiUrl = `http://localhost:${apiPort}`;
const admin = adminAccount();

run(
  'API',
  [join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', 'src/main.ts'],
  {
    PORT: apiPort,
    DATABASE_URL: await databaseUrl(),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    SEED_DEMO_DATA: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  },
  join(root, 'apps/api'),
);
run(
  'web',
  [join(root, 'apps/web/node_modules/vite/bin/vite.js'), '--port', webPort, '--strictPort'],
  { VITE_API_URL: apiUrl },
  join(root, 'apps/web'),
);
banner(`http://localhost:${webPort}`, apiUrl, admin);

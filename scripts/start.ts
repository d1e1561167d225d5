/**
 * `npm start` after install and build: the API on PORT and the built web app on WEB_PORT over a real
 * PostgreSQL, with an admin account and demo shows on first run.
 */
import { adminAccount, banner, databaseUrl, run } from './lib/local-stack.js';

const apiPort = process.env.PORT ?? '3000';
const webPort = process.env.WEB_PORT ?? '5173';
const apiUrl = process.env.VITE_API_URL ?? `http://localhost:${apiPort}`;
const admin = adminAccount();

run('API', ['apps/api/dist/main.js'], {
  PORT: apiPort,
  DATABASE_URL: await databaseUrl(),
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
});
run('web', ['scripts/serve-web.mjs'], { WEB_PORT: webPort, API_URL: apiUrl });
banner(`http://localhost:${webPort}`, apiUrl, admin);

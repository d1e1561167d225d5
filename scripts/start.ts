/**
 * `npm start` after install and build: a real PostgreSQL (embedded unless DATABASE_URL is set), the API on
 * PORT and the built web app on WEB_PORT, with an admin account and demo shows on first run.
 */
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@holdfast/embedded-db';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, '.data');
const apiPort = process.env.PORT ?? '3000';
const webPort = process.env.WEB_PORT ?? '5173';
const children: ChildProcess[] = [];
let embedded: EmbeddedDatabase | null = null;

/** The demo admin's password is generated once and kept in .data/, so it stays the same between runs. */
function demoAdmin() {
  const file = join(dataDir, 'admin.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
  const admin = { email: process.env.ADMIN_EMAIL ?? 'admin@holdfast.local', password: process.env.ADMIN_PASSWORD ?? randomBytes(9).toString('base64url') };
  writeFileSync(file, JSON.stringify(admin), { mode: 0o600 });
  return admin;
}

async function databaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  console.log('[holdfast] starting embedded PostgreSQL (data in .data/postgres)');
  embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres') });
  await embedded.createDatabase('holdfast');
  return embedded.urlFor('holdfast');
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[holdfast] ${name} stopped (${signal ?? `exit ${code}`}); shutting down`);
      void stop(1);
    }
  });
  children.push(child);
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

mkdirSync(dataDir, { recursive: true });
const admin = process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD
  ? { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }
  : demoAdmin();
const url = await databaseUrl();
const apiUrl = process.env.VITE_API_URL ?? `http://localhost:${apiPort}`;

run('API', process.execPath, ['apps/api/dist/main.js'], {
  PORT: apiPort,
  DATABASE_URL: url,
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
});
run('web', process.execPath, ['scripts/serve-web.mjs'], { WEB_PORT: webPort, API_URL: apiUrl });

console.log(`
  Holdfast is starting
    web app      http://localhost:${webPort}
    API          http://localhost:${apiPort}   (Swagger UI: http://localhost:${apiPort}/api-docs/)
    demo admin   ${admin.email} / ${admin.password}
  Press Ctrl+C to stop.
`);

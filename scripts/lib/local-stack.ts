/**
 * What `npm start` and `pnpm dev` share: a PostgreSQL (embedded unless DATABASE_URL is set), the demo admin,
 * and child processes that all stop together.
 */
import { databaseServer, startEmbeddedPostgres, type EmbeddedDatabase } from '@holdfast/embedded-db';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
const dataDir = join(root, '.data');
const children = new Set<ChildProcess>();
const stopTasks: (() => Promise<void>)[] = [];
let embedded: EmbeddedDatabase | null = null;
let stopping = false;

/** ADMIN_EMAIL/ADMIN_PASSWORD when given; otherwise a demo admin whose password is made once and kept in .data/. */
export function adminAccount(): { email: string; password: string } {
  if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD)
    return { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'admin.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
  const admin = { email: 'admin@holdfast.local', password: randomBytes(9).toString('base64url') };
  writeFileSync(file, JSON.stringify(admin), { mode: 0o600 });
  return admin;
}

export async function databaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  console.log('[holdfast] starting embedded PostgreSQL (data in .data/postgres)');
  embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres') });
  const server = databaseServer(embedded.serverUrl);
  await server.createDatabase('holdfast');
  return server.urlFor('holdfast');
}

/** Restart delays after a crash: 0.5 s, 1 s, 2 s, ... at most 30 s; a child that ran for a minute starts over. */
const backoffMs = (crashes: number) => Math.min(30_000, 500 * 2 ** crashes);
const HEALTHY_AFTER_MS = 60_000;

/**
 * Runs a child in the repository root under supervision, as a process manager would: when it dies on its own
 * it is started again after a growing pause, so a crashed API (the error reporter exits on an uncaught error)
 * comes back by itself. Ctrl+C stops everything.
 */
export function run(name: string, args: string[], env: NodeJS.ProcessEnv, cwd = root) {
  let crashes = 0;
  const start = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      crashes = Date.now() - startedAt > HEALTHY_AFTER_MS ? 0 : crashes + 1;
      const delay = backoffMs(crashes - 1);
      console.error(`[holdfast] ${name} stopped (${signal ?? `exit ${code}`}); restarting in ${delay / 1000} s`);
      setTimeout(() => stopping || start(), delay);
    });
  };
  start();
}

/** Work for stopAll before the children stop, e.g. a load balancer that is not a Node.js child. */
export function onStop(task: () => Promise<void>) {
  stopTasks.push(task);
}

/** Asks every child to stop (SIGTERM: the API drains), waits for them (at most 15 s), then stops PostgreSQL. */
export async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  await Promise.all(stopTasks.map((task) => task().catch(() => {})));
  const exited = [...children].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children) child.kill('SIGTERM');
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  await embedded?.stop().catch(() => {});
  process.exit(code);
}

process.on('SIGINT', () => void stopAll());
process.on('SIGTERM', () => void stopAll());

export function banner(
  webUrl: string,
  apiUrl: string,
  admin: { email: string; password: string },
  extraLines: string[] = [],
) {
  console.log(`
  Holdfast is starting
    web app      ${webUrl}
    API          ${apiUrl}   (Swagger UI: ${apiUrl}/api-docs/)
    demo admin   ${admin.email} / ${admin.password}
${extraLines.map((line) => `    ${line}\n`).join('')}  Press Ctrl+C to stop.
`);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { clusterFolder, copyCluster, initialiseCluster } from './cluster-files.js';
import { databaseServer, type DatabaseServer } from './database-server.js';
import { freePort, PASSWORD, postgresBinariesPath, USER } from './embedded-cluster.js';

/** `pg_ctl stop -m fast` sends the postmaster SIGINT, `-m immediate` SIGQUIT (crash recovery at the next start). */
const SHUTDOWN_SIGNAL = { fast: 'SIGINT', immediate: 'SIGQUIT' } as const;
export type ShutdownMode = keyof typeof SHUTDOWN_SIGNAL;

export interface ControllableServer extends DatabaseServer {
  /**
   * Like `pg_ctl restart -m <mode>`, staying down `downMs` in between (a server with much to checkpoint or
   * recover); resolves once it accepts connections again.
   */
  restart(mode: ShutdownMode, downMs?: number): Promise<void>;
  /** SIGSTOP to the postmaster and every backend: sockets stay open and connections are accepted, nothing answers. */
  freeze(): void;
  /** SIGCONT to every process freeze() stopped. */
  thaw(): void;
  /** Thaws, stops (fast) and removes the cluster. */
  stop(): Promise<void>;
}

/**
 * A throwaway embedded cluster whose postmaster is this process's own child, for fault-injection tests: they
 * restart it or stop it dead, which a shared server (DATABASE_URL) must never suffer, so DATABASE_URL is ignored.
 * Linux only: freeze() finds the backends through /proc. `template` (makeClusterTemplate) skips initdb.
 */
export async function startControllableServer(
  label: string,
  options: { template?: string } = {},
): Promise<ControllableServer> {
  const folder = clusterFolder(label);
  const clusterDir = folder.dataDir;
  if (options.template) copyCluster(options.template, clusterDir);
  else await initialiseCluster(clusterDir);
  const port = await freePort();
  const { postgres } = (await import(pathToFileURL(postgresBinariesPath()).href)) as { postgres: string };
  const { uid, gid } = statSync(clusterDir); // the postgres user's when run as root, our own otherwise
  const asOwner = process.getuid?.() === 0 ? { uid, gid } : {};

  let postmaster: ChildProcess | null = null;
  let frozen: number[] = [];
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(
        postgres,
        ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1']
          // No fsync: the machine does not crash, only PostgreSQL. synchronous_commit stays on: off, an immediate
          // shutdown loses commits the API has already acknowledged (the fault tests see exactly that).
          .concat(['-c', 'fsync=off', '-c', 'full_page_writes=off']),
        { ...asOwner, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let log = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-4000);
        if (log.includes('database system is ready to accept connections')) resolve();
      });
      child.once('exit', () => reject(new Error(`postgres exited while starting:\n${log}`)));
      postmaster = child;
    });
  const shutDown = async (mode: ShutdownMode) => {
    const child = postmaster;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(SHUTDOWN_SIGNAL[mode]);
    await exited;
  };
  const thaw = () => {
    for (const pid of frozen) signal(pid, 'SIGCONT');
    frozen = [];
  };
  // Should the test process end without stop(), the cluster must not outlive it.
  const onExit = () => {
    thaw();
    postmaster?.kill('SIGQUIT');
  };
  process.once('exit', onExit);

  await launch();
  return {
    ...databaseServer(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`),
    async restart(mode, downMs = 0) {
      await shutDown(mode);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    freeze() {
      const pid = postmaster?.pid;
      if (pid === undefined) throw new Error('the server is not running');
      // The postmaster first, so it forks no backend while they are being stopped.
      signal(pid, 'SIGSTOP');
      frozen = [pid, ...childrenOf(pid)];
      for (const child of frozen.slice(1)) signal(child, 'SIGSTOP');
    },
    thaw,
    async stop() {
      thaw();
      await shutDown('fast');
      process.off('exit', onExit);
      folder.remove();
    },
  };
}

function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch {
    // It has exited meanwhile: nothing left to stop or continue.
  }
}

/** Processes whose parent is `pid`, from /proc/<pid>/stat (the command name in parentheses may hold spaces). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(entry));
  }
  return children;
}

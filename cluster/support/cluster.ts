import { startCluster, type Cluster } from '@holdfast/api-process';
import { databaseServer } from '@holdfast/embedded-db';
import jwt from 'jsonwebtoken';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

const serverUrl = inject('serverUrl');
/** These tests skip (loudly, see global setup) only where nginx is missing and CI is not set. */
export const withNginx = inject('hasNginx');

export interface ClusterUnderTest extends Cluster {
  /** The test's own connections to the cluster's database: seeding and exact counts. */
  db: pg.Pool;
}

/** `instances` API processes behind nginx for the test file: started before its tests, stopped after. */
export function useCluster(instances: number, env: Record<string, string> = {}): () => ClusterUnderTest {
  let cluster: ClusterUnderTest | undefined;
  beforeAll(async () => {
    const started = await startCluster({
      databases: databaseServer(serverUrl),
      instances,
      // Many bookings per address and many sockets from loopback: the limits have their own tests.
      env: { RATE_LIMITS: 'off', MAX_SOCKETS_PER_IP: '0', ...env },
    });
    cluster = Object.assign(started, { db: new pg.Pool({ connectionString: started.databaseUrl, max: 4 }) });
  });
  afterAll(async () => {
    await cluster?.db.end();
    await cluster?.stop();
  });
  return () => cluster!;
}

/**
 * `count` users straight in the database, with tokens signed as the API signs them (modules/auth/tokens.ts), so a
 * test needs no round of bcrypt sign-ins.
 */
export async function seedUsers(cluster: ClusterUnderTest, count: number): Promise<string[]> {
  const batch = randomBytes(4).toString('hex');
  const { rows } = await cluster.db.query<{ id: number }>(
    `INSERT INTO users (name, email, password_hash, role)
     SELECT 'Cluster ' || i, 'cluster-' || $2 || '-' || i || '@example.test', 'no password: token only', 'user'
     FROM generate_series(1, $1) AS i RETURNING id`,
    [count, batch],
  );
  const sign = (id: number) =>
    jwt.sign({ role: 'user' }, cluster.jwtSecret, {
      algorithm: 'HS256',
      expiresIn: 3600,
      subject: String(id),
      issuer: 'holdfast',
    });
  return rows.map(({ id }) => sign(id));
}

export async function seedShow(cluster: ClusterUnderTest, slots: number): Promise<number> {
  const { rows } = await cluster.db.query<{ id: number }>(
    `INSERT INTO shows (name, start_time, total_slots, available_slots)
     VALUES ('Cluster show ' || $2, now() + interval '1 day', $1, $1) RETURNING id`,
    [slots, randomBytes(3).toString('hex')],
  );
  return rows[0]!.id;
}

export function book(cluster: Cluster, token: string, showId: number, quantity = 1) {
  return fetch(`${cluster.apiUrl}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ showId, quantity }),
  });
}

/** The instance (host:port) nginx sent each logged request matching `pattern` to. */
export function upstreamsOf(cluster: Cluster, pattern: RegExp): string[] {
  return cluster.nginx
    .accessLog()
    .split('\n')
    .filter((line) => pattern.test(line))
    .map((line) => line.split(' ')[3]!);
}

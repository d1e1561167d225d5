#!/usr/bin/env node
// Entry point of `npm start` and `npm test` on a machine that has only Node.js.
// It runs before any dependency exists, so it uses Node built-ins alone:
// fetch the pinned pnpm through npm into .tools/, install, build, then hand over.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolsDir = join(root, '.tools');
const pnpmEntry = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function installedPnpmVersion() {
  const manifest = join(toolsDir, 'node_modules', 'pnpm', 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
}

function ensurePnpm() {
  if (installedPnpmVersion() === pnpmVersion) return;
  console.log(`[holdfast] fetching pnpm ${pnpmVersion} into .tools/ (one time)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, [
    'install',
    '--prefix',
    toolsDir,
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--no-update-notifier',
    `pnpm@${pnpmVersion}`,
  ]);
}

// Package scripts call `pnpm` by name, so the fetched one goes first on PATH for everything started below.
const pathWithPnpm = [join(toolsDir, 'node_modules', '.bin'), process.env.PATH].join(delimiter);
const pnpm = (...args) =>
  run(process.execPath, [pnpmEntry, ...args], { PATH: pathWithPnpm, npm_config_update_notifier: 'false' });

const command = process.argv[2];
ensurePnpm();
pnpm('install', '--frozen-lockfile', '--prefer-offline');
if (command === 'start') {
  pnpm('build');
  pnpm('exec', 'tsx', 'scripts/start.ts');
} else if (command === 'test') {
  pnpm('run', 'test:all');
} else {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}

#!/usr/bin/env node
// Serves the built web app (apps/web/dist) on WEB_PORT with `vite preview`, after writing /config.js so the
// same build talks to whatever API_URL this deployment uses. Used by `npm start` and the browser tests; the web
// image serves the build with nginx instead (deploy/nginx.conf).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'web');
const port = process.env.WEB_PORT ?? '5173';
const apiUrl = process.env.API_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;

writeFileSync(join(webDir, 'dist', 'config.js'), `window.__HOLDFAST_CONFIG__ = ${JSON.stringify({ apiUrl })};\n`);
const vite = spawn(
  process.execPath,
  [join(webDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--port', port, '--strictPort', '--host'],
  {
    cwd: webDir,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => vite.kill(signal));
vite.on('exit', (code) => process.exit(code ?? 0));

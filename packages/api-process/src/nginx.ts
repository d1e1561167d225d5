import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './built-api.js';

const snippet = join(repoRoot, 'deploy', 'nginx.conf');

/**
 * Debian installs nginx in /usr/sbin, which is on root's PATH but not on other users': a user who installed it
 * should not see the cluster tests skipped for that.
 */
const NGINX_CANDIDATES = ['nginx', '/usr/sbin/nginx'];

/** The nginx to run (on PATH, or Debian's), or null: local runs and tests fall back or skip without it. */
export function findNginx(): string | null {
  return (
    NGINX_CANDIDATES.find((binary) => {
      const found = spawnSync(binary, ['-v'], { stdio: 'ignore' });
      return !found.error && found.status === 0;
    }) ?? null
  );
}

export interface NginxOptions {
  listenPort: number;
  /** host:port of each API instance. */
  upstreams: string[];
  webRoot?: string;
  apiUrl?: string;
  /** Also proxy every path of the API at the root of this port (INSTANCES=N npm start keeps the API on PORT). */
  apiPort?: number;
}

/**
 * deploy/nginx.conf with its ${...} filled in, as the official image's envsubst does, wrapped in the main context
 * that image supplies: foreground, logs to stderr, every writable path in `dir` (nginx runs unprivileged there).
 * The access log names the upstream of each request, so a test can see which instance served what.
 */
export function renderNginxConfig(options: NginxOptions, dir: string): string {
  const values: Record<string, string> = {
    LISTEN_PORT: `127.0.0.1:${options.listenPort}`,
    API_SERVERS: options.upstreams.map((address) => `server ${address};`).join(' '),
    WEB_ROOT: options.webRoot ?? join(repoRoot, 'apps', 'web', 'dist'),
    API_URL: options.apiUrl ?? '/api',
  };
  const server = readFileSync(snippet, 'utf8').replace(/\$\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  // The proxy settings of deploy/nginx.conf's API locations (they live in its server block, so they are not
  // inherited here): WebSocket upgrade and upstream keepalive, the client's address, the request id, the long
  // socket timeouts. Without them a socket on this port never upgrades.
  const apiAtRoot = options.apiPort
    ? `server {
  listen 127.0.0.1:${options.apiPort};
  proxy_http_version 1.1;
  proxy_set_header Host $host;
  proxy_set_header Upgrade $http_upgrade;
  proxy_set_header Connection $holdfast_connection;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Request-Id $holdfast_request_id;
  location / { proxy_pass http://holdfast_api; }
  location /socket.io/ { proxy_pass http://holdfast_api; proxy_read_timeout 1h; proxy_send_timeout 1h; }
}`
    : '';
  return `daemon off;
pid ${join(dir, 'nginx.pid')};
error_log stderr warn;
worker_processes 1;
# Each proxied socket holds two connections (client, instance): the benchmark's thousands of watchers need room.
events { worker_connections 16384; }
http {
  include ${join(dirname(nginxConfPath()), 'mime.types')};
  default_type application/octet-stream;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  log_format upstream '$request_method $uri $status $upstream_addr';
  access_log ${join(dir, 'access.log')} upstream;
${server}
${apiAtRoot}
}
`;
}

/** Where this nginx keeps its own config (its mime.types lies beside it). */
function nginxConfPath(): string {
  const version = spawnSync(findNginx() ?? 'nginx', ['-V'], { encoding: 'utf8' });
  return /--conf-path=(\S+)/.exec(version.stderr)?.[1] ?? '/etc/nginx/nginx.conf';
}

export interface RunningNginx {
  child: ChildProcess;
  url: string;
  /** The access log so far: "METHOD /path STATUS upstream" per line. */
  accessLog(): string;
  stop(): Promise<void>;
}

/** Renders the config into a fresh temporary folder and runs nginx in the foreground; resolves once it answers. */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'holdfast-nginx-'));
  mkdirSync(join(dir, 'logs'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, renderNginxConfig(options, dir));
  let output = '';
  const child = spawn(findNginx() ?? 'nginx', ['-p', dir, '-c', conf], { stdio: ['ignore', 'inherit', 'pipe'] });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  const url = `http://127.0.0.1:${options.listenPort}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output}`);
    if (
      await fetch(`${url}/config.js`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (tries > 100) {
      await stop();
      throw new Error(`nginx did not answer on ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, url, accessLog: () => readFileSync(join(dir, 'access.log'), 'utf8'), stop };
}

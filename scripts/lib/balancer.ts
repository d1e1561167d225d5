/**
 * The load balancer of `INSTANCES=N npm start` on a machine without nginx: round-robin over the API instances,
 * WebSocket upgrades included, on http-proxy-3 (a maintained rewrite of http-proxy). With nginx on PATH the
 * rendered deploy/nginx.conf runs instead; this exists so that a machine with only Node.js sees it work too.
 */
import { createServer, type ServerResponse } from 'node:http';
import { Agent } from 'node:http';
import { createProxyServer } from 'http-proxy-3';

export function startNodeBalancer(port: number, targets: string[]): Promise<void> {
  // Keep connections to the instances open, as nginx's upstream keepalive does.
  const proxy = createProxyServer({ xfwd: true, agent: new Agent({ keepAlive: true }) });
  let turn = 0;
  const nextTarget = () => targets[turn++ % targets.length]!;
  proxy.on('error', (error, _req, res) => {
    // An instance that is restarting: the client gets a 502 like nginx's, a socket is closed and reconnects.
    if ('writeHead' in res && !res.headersSent) {
      (res as ServerResponse).writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { code: 'BAD_GATEWAY', message: `No API instance answered: ${error.message}` } }),
      );
    } else res.destroy();
  });
  const server = createServer((req, res) => void proxy.web(req, res, { target: nextTarget() }));
  server.on('upgrade', (req, socket, head) => void proxy.ws(req, socket, head, { target: nextTarget() }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
}

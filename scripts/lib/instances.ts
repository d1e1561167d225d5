/**
 * `INSTANCES=N npm start`: N API processes on internal ports behind one load balancer on PORT, as production
 * runs them behind nginx. nginx when it is on PATH (deploy/nginx.conf, rendered); otherwise a Node.js balancer.
 */
import { findNginx, startNginx } from '@holdfast/api-process';
import { freePort } from '@holdfast/embedded-db';
import { startNodeBalancer } from './balancer.js';
import { onStop, run, stopAll } from './local-stack.js';

export async function startInstances(
  count: number,
  ports: { apiPort: number; webPort: number },
  apiEnv: Record<string, string>,
): Promise<{ lines: string[] }> {
  const urls: string[] = [];
  for (let index = 1; index <= count; index++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Both balancers forward the client in X-Forwarded-For from loopback, which TRUST_PROXY trusts by default, so
    // the per-address limits count each client, not the balancer.
    run(`API ${index}`, ['apps/api/dist/main.js'], { ...apiEnv, PORT: String(port) });
    // One at a time: each instance migrates and seeds on start; the first does the work, the rest find it done.
    await waitForHealth(url);
    urls.push(url);
  }
  const instanceLines = urls.map((url, index) => `instance ${index + 1}   ${url}`);
  if (findNginx()) {
    const upstreams = urls.map((url) => new URL(url).host);
    const nginx = await startNginx({ listenPort: ports.webPort, apiPort: ports.apiPort, upstreams });
    onStop(() => nginx.stop());
    nginx.child.once('exit', () => void stopAll(1));
    const what = `nginx (deploy/nginx.conf): web app + API under /api/ on ${ports.webPort}, API on ${ports.apiPort}`;
    return { lines: [`balancer     ${what}`, ...instanceLines] };
  }
  await startNodeBalancer(ports.apiPort, urls);
  run('web', ['scripts/serve-web.mjs'], {
    WEB_PORT: String(ports.webPort),
    API_URL: `http://localhost:${ports.apiPort}`,
  });
  const what = `Node.js round-robin on ${ports.apiPort} (no nginx on PATH; install it to run deploy/nginx.conf)`;
  return { lines: [`balancer     ${what}`, ...instanceLines] };
}

/** Polls /health until the instance answers (its first start migrates the database and seeds the demo). */
async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error(`${url}/health did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

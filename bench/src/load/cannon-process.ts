/**
 * The load generator's own process: autocannon on its event loop, so neither the bench's bookkeeping nor the
 * API shares it. Receives one CannonJob, answers one CannonResult, exits.
 */
import autocannon from 'autocannon';
import type { EventEmitter } from 'node:events';
import { clockNow, type CannonJob, type CannonResult } from './cannon-job.js';

function run(job: CannonJob): Promise<CannonResult> {
  const statuses: Record<string, number> = {};
  const createdTimes: number[] = [];
  let created = 0;
  let soldOutMs: number | null = null;
  let connection = 0;
  let sent = 0;
  const started = clockNow();
  const randomShowBody = () =>
    JSON.stringify({ showId: job.showIds![Math.floor(Math.random() * job.showIds!.length)], quantity: 1 });
  let finished!: (error: Error | null, result: autocannon.Result) => void;
  const instance = autocannon(
    {
      url: job.url,
      connections: job.connections,
      ...(job.amount ? { amount: job.amount } : { duration: job.seconds ?? 10 }),
      timeout: 30,
      setupClient(client) {
        const bearer = job.bearers.length > 0 ? job.bearers[connection++ % job.bearers.length] : undefined;
        const headers = {
          'content-type': 'application/json',
          ...(bearer ? { authorization: bearer } : {}),
          ...job.headers,
        };
        // 'request' (each request written) is emitted by autocannon's http client but missing from its types.
        (client as unknown as EventEmitter).on('request', () => (sent += 1));
        client.setRequests([
          {
            method: job.method,
            path: job.path,
            headers,
            ...(job.showIds ? { setupRequest: (request) => ({ ...request, body: randomShowBody() }) } : {}),
          },
        ]);
      },
    },
    (error, result) => finished(error, result),
  );
  instance.on('response', (_client, status) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status !== 201) return;
    created += 1;
    if (job.keepCreatedTimes) createdTimes.push(clockNow());
    if (created === job.stopAfterCreated) {
      soldOutMs = clockNow() - started;
      instance.stop();
    }
  });
  return new Promise((resolve, reject) => {
    finished = (error, result) => {
      if (error) return reject(error);
      const requests = Object.values(statuses).reduce((sum, n) => sum + n, 0);
      resolve({
        requests,
        unanswered: sent - requests,
        seconds: (clockNow() - started) / 1000,
        statuses,
        errors: result.errors,
        p50: result.latency.p50,
        p99: result.latency.p99,
        soldOutMs,
        createdTimes,
      });
    };
  });
}

process.once('message', (job: CannonJob) => {
  run(job).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});

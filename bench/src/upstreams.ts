/**
 * How many sockets each instance accepted, from nginx's access log ("METHOD /path STATUS upstream" per line, see
 * packages/api-process nginx.ts). nginx logs a WebSocket when it closes, with status 101: read the log after the
 * watchers have disconnected. Answers one count per instance, in the order given.
 */
export function socketsPerInstance(accessLog: string, instances: string[]): number[] {
  const counts = new Map(instances.map((instance) => [instance, 0]));
  for (const line of accessLog.split('\n')) {
    const [method, path, status, upstream] = line.split(' ');
    if (method !== 'GET' || !path?.startsWith('/socket.io/') || status !== '101' || !upstream) continue;
    if (counts.has(upstream)) counts.set(upstream, counts.get(upstream)! + 1);
  }
  return instances.map((instance) => counts.get(instance)!);
}

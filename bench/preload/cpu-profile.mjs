// Preloaded into the API (NODE_OPTIONS=--import) by BENCH_API_PROFILE=<dir>: Node refuses --cpu-prof in
// NODE_OPTIONS, so the inspector's profiler is started here and its profile written when the process exits.
// An in-thread inspector session answers synchronously, so the profile is complete even within 'exit'.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.BENCH_API_PROFILE;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `api-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}

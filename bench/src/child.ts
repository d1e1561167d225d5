import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.js';

/**
 * Runs one of the bench's TypeScript entry points (load/, watchers/) as its own Node.js process: sends it `job`,
 * resolves with the one message it answers. Killed by cleanup if the bench stops first.
 */
export function runChild<Job, Result>(entry: string, job: Job, onMessage?: (message: unknown) => void) {
  const child = fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
    execArgv: ['--import', import.meta.resolve('tsx'), '--max-old-space-size=2048'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const forget = onCleanup(`child ${entry}`, () => void child.kill('SIGKILL'));
  let last: Result | undefined;
  const done = new Promise<Result>((resolve, reject) => {
    child.on('message', (message) => {
      if (onMessage && (message as { kind?: string }).kind === 'progress') onMessage(message);
      else last = message as Result;
    });
    child.once('exit', (code) => {
      forget();
      if (code === 0 && last !== undefined) resolve(last);
      else reject(new Error(`${entry} exited with ${code} before answering`));
    });
  });
  child.send(job as object);
  return { child, done };
}

import { spawn, type ChildProcess } from 'node:child_process';

export interface NodeProcess {
  child: ChildProcess;
  /** The last few thousand characters it printed, for error messages. */
  output(): string;
  /** SIGTERM, then wait until it has exited. */
  stop(): Promise<void>;
}

/** Runs a Node.js script with this Node.js, collecting its output. */
export function startNodeProcess(
  args: string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    inheritOutput?: boolean;
    /** Sees every chunk it prints (output() keeps only the tail), e.g. to count log lines. */
    onOutput?: (text: string) => void;
  },
): NodeProcess {
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', options.inheritOutput ? 'inherit' : 'pipe', options.inheritOutput ? 'inherit' : 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-8000);
    options.onOutput?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Polls `url` until it answers 2xx; fails early if the process exits, or after `timeoutMs`. */
export async function waitUntilUp(url: string, target: NodeProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    if (target.child.exitCode !== null)
      throw new Error(`${url} did not come up: the process exited\n${target.output()}`);
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${timeoutMs} ms\n${target.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where the CPU went during a step, from /proc (Linux; elsewhere nothing is recorded): each process under the
 * bench by role, and the whole machine, so that "the second instance did not help" can be read against what
 * was left of the cores. Times are in clock ticks (USER_HZ, 100 a second on Linux).
 */
const TICKS_PER_SECOND = 100;

export interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime + cutime + cstime: its own time and that of its children already waited for. */
  ticks: number;
}

/** /proc/<pid>/stat: "pid (comm) state ppid ... utime stime cutime cstime ..." (comm may hold spaces). */
export function parseStat(text: string): ProcStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const rest = text
    .slice(close + 2)
    .trim()
    .split(' ');
  // rest[0] is field 3 (state): utime..cstime are fields 14..17.
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(rest[i]));
  return {
    pid: Number(text.slice(0, open).trim()),
    ppid: Number(rest[1]),
    comm: text.slice(open + 1, close),
    ticks: utime! + stime! + cutime! + cstime!,
  };
}

/** Ticks by role of every process under `root` (itself included); `known` names some pids' roles. */
export function ticksByRole(procs: ProcStat[], root: number, known: Map<number, string>): Record<string, number> {
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const roleOf = (proc: ProcStat): string | null => {
    for (let at: ProcStat | undefined = proc; at; at = byPid.get(at.ppid)) {
      if (known.has(at.pid)) return known.get(at.pid)!;
      if (at.pid === root) return proc.comm === 'postgres' ? 'PostgreSQL' : LOAD;
    }
    return null;
  };
  const ticks: Record<string, number> = {};
  for (const proc of procs) {
    const role = roleOf(proc);
    if (role) ticks[role] = (ticks[role] ?? 0) + proc.ticks;
  }
  return ticks;
}

/**
 * The bench itself and its load generators: autocannon's and the watchers' processes, and pgbench (whose time
 * reaches the bench's own children's time when it exits, as autocannon's does at the end of its step).
 */
export const LOAD = 'bench and load generators';
export const ROLES = ['API', 'PostgreSQL', 'nginx', LOAD];

/** Busy ticks of the whole machine (all cores): /proc/stat's first line less idle and iowait. */
export function parseMachineTicks(procStat: string): number {
  const fields = procStat.split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return [user, nice, system, irq, softirq, steal].reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

interface Snapshot {
  at: number;
  roles: Record<string, number>;
  machine: number;
}

function snapshot(known: Map<number, string>): Snapshot | null {
  if (!existsSync('/proc/stat')) return null;
  const procs: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      procs.push(parseStat(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // It exited between the listing and the read.
    }
  }
  return {
    at: performance.now(),
    roles: ticksByRole(procs, process.pid, known),
    machine: parseMachineTicks(readFileSync('/proc/stat', 'utf8')),
  };
}

/** Per step: cores used by each role (CPU seconds per second), by everything else, and the machine's total. */
export class CpuLog {
  readonly rows: (string | number | null)[][] = [];

  constructor(private readonly known: () => Map<number, string>) {}

  start(step: string) {
    const before = snapshot(this.known());
    return () => {
      const after = snapshot(this.known());
      if (!before || !after) return;
      const seconds = (after.at - before.at) / 1000;
      const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
      const ours = ROLES.map((role) => cores((after.roles[role] ?? 0) - (before.roles[role] ?? 0)));
      const machine = cores(after.machine - before.machine);
      const others = Math.max(0, machine - ours.reduce((sum, n) => sum + n, 0));
      this.rows.push([step, seconds, ...ours, others, machine]);
    };
  }

  static header(): string[] {
    return ['step', 'wall s', ...ROLES, 'other processes', `machine (of ${cpus().length})`];
  }
}

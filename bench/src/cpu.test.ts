import { describe, expect, it } from 'vitest';
import { LOAD, parseMachineTicks, parseStat, ticksByRole, type ProcStat } from './cpu.js';

describe('parseStat', () => {
  it('when the command name holds spaces and parentheses, then the fields after it are still found', () => {
    const line = '4242 (postgres: a (b) c) S 4200 1 1 0 -1 4194304 10 0 0 0 70 30 5 1 20 0 1 0 100 0 0';
    expect(parseStat(line)).toEqual({ pid: 4242, ppid: 4200, comm: 'postgres: a (b) c', ticks: 106 });
  });
});

describe('ticksByRole', () => {
  it('when processes hang under the bench, then each counts for its nearest named ancestor or its own kind', () => {
    const proc = (pid: number, ppid: number, comm: string, ticks: number): ProcStat => ({ pid, ppid, comm, ticks });
    const procs = [
      proc(1, 0, 'init', 1000),
      proc(10, 1, 'node', 5),
      proc(11, 10, 'node', 40),
      proc(12, 11, 'node', 2),
      proc(13, 10, 'nginx', 3),
      proc(14, 13, 'nginx', 9),
      proc(15, 10, 'postgres', 20),
      proc(16, 15, 'postgres', 30),
      proc(17, 10, 'node', 7),
      proc(18, 10, 'pgbench', 4),
      proc(99, 1, 'postgres', 500),
    ];
    const known = new Map([
      [11, 'API'],
      [13, 'nginx'],
    ]);
    expect(ticksByRole(procs, 10, known)).toEqual({ API: 42, nginx: 12, PostgreSQL: 50, [LOAD]: 16 });
  });
});

describe('parseMachineTicks', () => {
  it('when /proc/stat is read, then idle and iowait are left out of the busy ticks', () => {
    expect(parseMachineTicks('cpu  100 5 50 9000 300 2 3 4 0 0\ncpu0 1 2 3')).toBe(164);
  });
});

import type { Cell } from './table.js';

/** The targets of issue 8, as the tables report them (never asserted: read off and compared by a person). */
export const TARGETS = {
  flashSeconds: ['1b: flash sale (2,000 requests for 500 places, 64 clients), total s', '< 0.7'],
  flashP99: ['1b: p99 ms', '<= 50'],
  sellOutVsCalm: ['1a req/s ÷ 1c 201/s, at the most clients', '>= 1'],
  hotVsMinimal: ['1c: best 201/s ÷ best pgbench minimal tps', '>= 1.0 (stretch 1.5)'],
  hotP99At64: ['1c: p99 ms at 64 clients', '<= 50'],
  hot256Vs64: ['1c: 201/s at 256 ÷ at 64 clients', '>= 1'],
  manyVsOwn: ['2: 201/s ÷ pgbench own tps, at the most clients', '>= 0.6'],
  listRate: ['3: GET /shows req/s', '>= 3,000'],
  listP99: ['3: GET /shows p99 ms', '<= 50'],
  listBytes: ['3: first page bytes, compressed', '<= 10,240'],
  watchersRatio: ['4: 201/s with the first watcher count ÷ without', '>= 0.7'],
  watchersLag: ['4: lag p99 ms with the first watcher count', '< 250'],
} as const satisfies Record<string, readonly [string, string]>;
export type TargetKey = keyof typeof TARGETS;

/** Each pass's figure for each target, by the pass's label (passes.ts); one table, a column per pass. */
export class Targets {
  private readonly figures = new Map<string, Map<TargetKey, number | null>>();

  set(pass: string, key: TargetKey, value: number | null | undefined) {
    if (!this.figures.has(pass)) this.figures.set(pass, new Map());
    this.figures.get(pass)!.set(key, value ?? null);
  }

  /** Rows for the targets some pass measured: what, target, then one figure per pass. */
  table(): { header: string[]; rows: Cell[][] } {
    const passes = [...this.figures.keys()];
    const measured = (Object.keys(TARGETS) as TargetKey[]).filter((key) =>
      passes.some((pass) => this.figures.get(pass)!.has(key)),
    );
    return {
      header: ['measure', 'target', ...passes],
      rows: measured.map((key) => [...TARGETS[key], ...passes.map((pass) => this.figures.get(pass)!.get(key))]),
    };
  }
}

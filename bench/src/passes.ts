/** One pass of the run: a freshly started API (or cluster) with one booking path, measured by every scenario. */
export interface Pass {
  batching: string;
  /** API instances behind nginx; null: one API on its own, no nginx (BENCH_INSTANCES unset). */
  instances: number | null;
  /** Named in every table title and as the column of the targets table. */
  label: string;
}

export function passLabel(batching: string, instances: number | null): string {
  if (instances === null) return `BOOKING_BATCHING=${batching}`;
  return `BOOKING_BATCHING=${batching}, ${instances} instance${instances === 1 ? '' : 's'} behind nginx`;
}

/** Every booking path with every instance count, the instance counts varying fastest (1 vs 2 side by side). */
export function passesOf(batching: string[], instances: number[] | null): Pass[] {
  return batching.flatMap((b) =>
    (instances ?? [null]).map((n) => ({ batching: b, instances: n, label: passLabel(b, n) })),
  );
}

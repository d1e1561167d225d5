import type { Outcome } from './load.js';

/** Outcomes by status and error code, most frequent first: "201×812, 503 BUSY×12, ECONNREFUSED×5". */
export function tally(outcomes: Outcome[]): string {
  return tallyStrings(
    outcomes.map(({ status, code }) =>
      status === 0 ? (code ?? 'no answer') : code ? `${status} ${code}` : String(status),
    ),
  );
}

/** "a×3, b×1": each distinct string with its count, most frequent first. */
export function tallyStrings(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return (
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => `${key}×${n}`)
      .join(', ') || 'none'
  );
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** "n 812: p50 12 ms, p99 80 ms, max 120 ms" */
export function latency(outcomes: Outcome[]): string {
  if (outcomes.length === 0) return 'n 0';
  const ms = outcomes.map((o) => o.ms);
  const f = (value: number) => `${Math.round(value)} ms`;
  return `n ${ms.length}: p50 ${f(percentile(ms, 0.5))}, p99 ${f(percentile(ms, 0.99))}, max ${f(Math.max(...ms))}`;
}

export const slowest = (outcomes: Outcome[]) => Math.max(0, ...outcomes.map((o) => o.ms));

/** Prints a test's figures as a compact table (docs/RELIABILITY.md is refreshed from these). */
export function printFigures(title: string, rows: [string, string | number][]) {
  const lines = rows.map(([label, value]) => `  ${label.padEnd(34)} ${value}`);
  console.log(`[faults] ${title}\n${lines.join('\n')}`);
}

/** ms from `since` until the first acknowledged booking answered after it. */
export function recoveryMs(outcomes: Outcome[], since: number): number {
  const ends = outcomes
    .filter((o) => o.op === 'book' && o.status === 201 && o.startedAt + o.ms >= since)
    .map((o) => o.startedAt + o.ms - since);
  return ends.length === 0 ? Infinity : Math.min(...ends);
}

export const startedBetween = (outcomes: Outcome[], from: number, to: number) =>
  outcomes.filter((o) => o.startedAt >= from && o.startedAt < to);

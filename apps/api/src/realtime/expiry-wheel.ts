/** Expiry announcements fall on ticks this far apart; holds lapsing in one tick are announced together. */
export const TICK_MS = 50;
/** A lapsed hold frees its places at expiresAt; announce its show just after that moment, never before. */
const EXPIRY_GRACE_MS = 50;

export interface ExpiryWheel {
  /** Announce `showIds` again just after `expiresAt`, when a hold on them lapses. */
  add(showIds: number[], expiresAt: Date): void;
  /** Timers and ticks waiting (tests: they must not grow with the number of holds). */
  pending(): { timers: number; ticks: number };
  stop(): void;
}

/**
 * One timer for every pending expiry announcement, instead of one per hold. Due times are rounded up to the next
 * tick (announced between 50 and 100 ms after expiresAt), and each tick keeps the set of shows due then. Memory
 * is bounded by ticks in a hold's lifetime x shows per tick, not by holds: a hot show holding a thousand places
 * a second adds one entry per tick, and the process has at most one timer for all of it.
 */
export function createExpiryWheel(announce: (showIds: number[]) => void): ExpiryWheel {
  const showsByTick = new Map<number, Set<number>>();
  const ticks: number[] = []; // ascending; holds arrive nearly in expiry order, so inserts are near the end
  let timer: NodeJS.Timeout | null = null;
  let armedFor = Number.POSITIVE_INFINITY;

  const arm = () => {
    const next = ticks[0];
    if (next === undefined || next === armedFor) return;
    if (timer) clearTimeout(timer);
    armedFor = next;
    timer = setTimeout(fire, Math.max(0, next - Date.now()));
    timer.unref();
  };

  const fire = () => {
    timer = null;
    armedFor = Number.POSITIVE_INFINITY;
    const due = new Set<number>();
    while (ticks.length > 0 && ticks[0]! <= Date.now()) {
      for (const id of showsByTick.get(ticks[0]!)!) due.add(id);
      showsByTick.delete(ticks.shift()!);
    }
    if (due.size > 0) announce([...due]);
    arm();
  };

  return {
    add(showIds, expiresAt) {
      const tick = Math.ceil((expiresAt.getTime() + EXPIRY_GRACE_MS) / TICK_MS) * TICK_MS;
      let shows = showsByTick.get(tick);
      if (!shows) {
        showsByTick.set(tick, (shows = new Set()));
        let at = ticks.length;
        while (at > 0 && ticks[at - 1]! > tick) at--;
        ticks.splice(at, 0, tick);
      }
      for (const id of showIds) shows.add(id);
      if (tick < armedFor) arm();
    },
    pending: () => ({ timers: timer ? 1 : 0, ticks: ticks.length }),
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      armedFor = Number.POSITIVE_INFINITY;
      ticks.length = 0;
      showsByTick.clear();
    },
  };
}

import type { ShowAvailability } from '@holdfast/contracts';

/**
 * One flush of one instance's changes, as it read them (ADR 0015): sent once to every other instance through
 * the Socket.IO adapter (serverSideEmit) and fed to its own local delivery. A show's `version` orders two
 * snapshots about it, from whichever instances; the holds' expiries travel with it so that every instance can
 * announce a lapse, even after the instance that made the hold is gone.
 */
export interface ShowsSnapshot {
  shows: ShowAvailability[];
  /** Ids among `shows` that are new: every audience hears of them. */
  added: number[];
  /** When the oldest change it carries was announced on its instance (epoch ms): broadcast lag is measured from it. */
  changedAt: number;
  /** When holds on these shows lapse (epoch ms). */
  expiries: { at: number; showIds: number[] }[];
}

/** Events between API instances (Socket.IO's ServerSideEvents). */
export interface InterServerEvents {
  showsSnapshot(snapshot: ShowsSnapshot): void;
}

/** How a broadcaster talks to the other instances; server-stack.ts binds it to io.serverSideEmit. */
export interface ClusterLink {
  /** Sends to every other instance; never back to this one. */
  publish(snapshot: ShowsSnapshot): void;
  onSnapshot(listener: (snapshot: ShowsSnapshot) => void): () => void;
}

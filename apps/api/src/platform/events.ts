/**
 * Use cases announce "availability of these shows changed" here after COMMIT; the realtime module
 * listens and delivers `showsUpdated`. Neither side knows the other.
 */
export interface AvailabilityChange {
  showIds: number[];
  /** When a hold on these shows runs out: their availability changes again at that moment. */
  holdExpiresAt?: Date;
  /** These shows are new: every watcher hears of them, whatever shows it narrowed its updates to. */
  added?: boolean;
}

export type AvailabilityListener = (change: AvailabilityChange) => void;

export interface DomainEvents {
  availabilityChanged(change: AvailabilityChange): void;
  onAvailabilityChanged(listener: AvailabilityListener): () => void;
}

export function createDomainEvents(): DomainEvents {
  const listeners = new Set<AvailabilityListener>();
  return {
    availabilityChanged(change) {
      if (change.showIds.length === 0) return;
      for (const listener of listeners) listener(change);
    },
    onAvailabilityChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

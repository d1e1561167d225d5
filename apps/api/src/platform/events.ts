import { outsideAnyRequest } from './request-id.js';

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
      // Listeners act later and for everyone (a coalesced broadcast, an expiry timer): their work and its log
      // lines belong to no one request, so they do not inherit the announcing request's id.
      outsideAnyRequest(() => {
        for (const listener of listeners) listener(change);
      });
    },
    onAvailabilityChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

import type { ShowAvailability, WaitlistOffer } from '@holdfast/contracts';

type Listener = (...args: never[]) => void;

/**
 * Stands in for the Socket.IO client: tests play the server with `serverSends`, `drop`, `reconnect`, and read
 * what the app sent with `sent`.
 */
class FakeSocket {
  connected = true;
  active = true;
  /** Every event the app emitted, in order: [name, ...args]. */
  sent: unknown[][] = [];
  private listeners = new Map<string, Set<Listener>>();

  emit(event: string, ...args: unknown[]) {
    // Like the real client, a disconnected socket would buffer; the app is expected not to emit then.
    this.sent.push([event, ...args]);
    return this;
  }

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  private fire(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  serverSends(shows: ShowAvailability[]) {
    this.fire('showsUpdated', shows);
  }

  serverOffers(offer: WaitlistOffer) {
    this.fire('waitlistOffer', offer);
  }

  drop() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  reconnect() {
    this.connected = true;
    this.fire('connect');
  }

  reset() {
    this.connected = true;
    this.sent = [];
    this.listeners.clear();
  }
}

export const fakeSocket = new FakeSocket();

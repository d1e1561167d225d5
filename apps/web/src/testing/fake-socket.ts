import type { ShowAvailability } from '@holdfast/contracts';

type Listener = (...args: never[]) => void;

/** Stands in for the Socket.IO client: tests play the server with `serverSends`, `drop`, `reconnect`. */
class FakeSocket {
  connected = true;
  active = true;
  private listeners = new Map<string, Set<Listener>>();

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
    this.listeners.clear();
  }
}

export const fakeSocket = new FakeSocket();

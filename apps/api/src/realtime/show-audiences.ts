import { watchShowsSchema, type ShowAvailability, type WatchShowsReply } from '@holdfast/contracts';
import type { SocketServer } from './socket-server.js';

/** Sockets that asked for nothing hear every change, as before subscriptions existed. */
const EVERYONE = 'all';
const roomOf = (key: string) => `watch:${key}`;
/** A page sends watchShows when it mounts or its ids change; more than this per second is a client gone wrong. */
const MAX_WATCH_CALLS_PER_SECOND = 10;

export interface ShowAudiences {
  /**
   * Sends one flush: at most one message per socket, each distinct payload encoded once. Shows in `added` are new,
   * so no one can have asked for them yet: every audience hears of them (a narrowed list still grows).
   */
  deliver(shows: ShowAvailability[], added?: ReadonlySet<number>): void;
  /** Distinct subscription sets in use (tests, diagnostics). */
  groupCount(): number;
}

/**
 * Who hears which show. Every socket sits in exactly one room: `all`, or the room of its exact set of watched
 * shows (`watch:3,7,9`). Socket.IO's in-memory adapter encodes a broadcast once for all sockets of a room (and
 * pre-frames it for WebSocket), so a flush costs one encoding for `all` plus one per subscription set that one
 * of the changed shows belongs to, however many sockets share it: a thousand people on the same page of the
 * list, or on the same show's booking page, share one encoding, and each gets one message per flush carrying
 * only its own shows. Only this instance's sockets (`io.local`): every instance delivers to its own (ADR 0015).
 */
export function createShowAudiences(io: SocketServer): ShowAudiences {
  const groups = new Map<string, { showIds: number[]; members: number }>();
  const groupsByShow = new Map<number, Set<string>>();
  const groupOfSocket = new Map<string, string>();

  const leaveGroup = (socketId: string) => {
    const key = groupOfSocket.get(socketId);
    if (key === undefined) return;
    groupOfSocket.delete(socketId);
    const group = groups.get(key)!;
    if (--group.members > 0) return;
    groups.delete(key);
    for (const id of group.showIds) {
      const keys = groupsByShow.get(id)!;
      keys.delete(key);
      if (keys.size === 0) groupsByShow.delete(id);
    }
  };

  const joinGroup = (socketId: string, showIds: number[]) => {
    const key = showIds.join(',');
    groupOfSocket.set(socketId, key);
    const group = groups.get(key);
    if (group) {
      group.members++;
      return key;
    }
    groups.set(key, { showIds, members: 1 });
    for (const id of showIds) {
      let keys = groupsByShow.get(id);
      if (!keys) groupsByShow.set(id, (keys = new Set()));
      keys.add(key);
    }
    return key;
  };

  io.on('connection', (socket) => {
    void socket.join(EVERYONE);
    socket.on('disconnect', () => leaveGroup(socket.id));
    let windowStart = 0;
    let calls = 0;
    socket.on('watchShows', (raw: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (reply: WatchShowsReply) => void) : () => {};
      const now = Date.now();
      if (now - windowStart >= 1_000) [windowStart, calls] = [now, 0];
      if (++calls > MAX_WATCH_CALLS_PER_SECOND) {
        // Each call re-indexes up to 200 ids; a flood must not cost the event loop more than that.
        const message = `At most ${MAX_WATCH_CALLS_PER_SECOND} watchShows a second; this one was ignored`;
        reply({ error: { code: 'RATE_LIMITED', message } });
        return;
      }
      const parsed = watchShowsSchema.safeParse(raw);
      if (!parsed.success) {
        // The earlier subscription stays: a bad request changes nothing and costs the others nothing.
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'showIds'}: ${i.message}`).join('; ');
        reply({ error: { code: 'VALIDATION_ERROR', message: message.slice(0, 500) } });
        return;
      }
      const previous = groupOfSocket.get(socket.id);
      void socket.leave(previous === undefined ? EVERYONE : roomOf(previous));
      leaveGroup(socket.id);
      if (parsed.data === null) {
        void socket.join(EVERYONE);
        reply({ watching: 'all' });
        return;
      }
      const showIds = [...new Set(parsed.data)].sort((a, b) => a - b);
      void socket.join(roomOf(joinGroup(socket.id, showIds)));
      reply({ watching: showIds.length });
    });
  });

  return {
    deliver(shows, added = new Set()) {
      // An emit encodes even for an empty room; most sockets may have narrowed.
      if (io.sockets.adapter.rooms.get(EVERYONE)?.size) io.local.to(EVERYONE).emit('showsUpdated', shows);
      const payloads = new Map<string, ShowAvailability[]>();
      for (const show of shows) {
        for (const key of groupsByShow.get(show.id) ?? []) {
          const payload = payloads.get(key);
          if (payload) payload.push(show);
          else payloads.set(key, [show]);
        }
      }
      const newShows = shows.filter((show) => added.has(show.id));
      if (newShows.length > 0) {
        for (const key of groups.keys()) payloads.set(key, [...(payloads.get(key) ?? []), ...newShows]);
      }
      for (const [key, payload] of payloads) io.local.to(roomOf(key)).emit('showsUpdated', payload);
    },
    groupCount: () => groups.size,
  };
}

import { z } from 'zod';
import { idSchema } from './common.js';
import type { ErrorBody } from './common.js';
import type { ShowAvailability } from './shows.js';
import type { WaitlistOffer } from './waitlist.js';

/** Socket.IO events the server sends; shared so server and client agree on names and payloads. */
export interface ServerToClientEvents {
  showsUpdated: (shows: ShowAvailability[]) => void;
  /** Only to the sockets that authenticated as the offer's user (`auth: {token}` in the handshake). */
  waitlistOffer: (offer: WaitlistOffer) => void;
}

/** The most shows one client may narrow to: a few pages of the list. More than that, ask for every change. */
export const MAX_WATCHED_SHOWS = 200;

/**
 * What a client hears: `null` (or never asking) = every change; a list = only changes of those shows, deleted
 * ones included; `[]` = nothing. A later call replaces the earlier; a reconnect starts again from `null`.
 */
export const watchShowsSchema = z.array(idSchema).max(MAX_WATCHED_SHOWS).nullable();
export type WatchShows = z.infer<typeof watchShowsSchema>;

/** The acknowledgement of `watchShows`: how many shows the client now hears, or why its request was refused. */
export type WatchShowsReply = { watching: number | 'all' } | ErrorBody;

/**
 * Why the server refused a socket's handshake (`connect_error`'s message): its `auth.token` is invalid or expired.
 * Connect again without it (anonymous) or with a fresh one.
 */
export const SOCKET_TOKEN_INVALID = 'TOKEN_INVALID';

/** Clients only choose what they hear. */
export interface ClientToServerEvents {
  watchShows: (showIds: WatchShows, ack?: (reply: WatchShowsReply) => void) => void;
}

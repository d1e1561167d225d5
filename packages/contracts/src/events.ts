import type { ShowAvailability } from './shows.js';

/** Socket.IO events the server sends; shared so server and client agree on names and payloads. */
export interface ServerToClientEvents {
  showsUpdated: (shows: ShowAvailability[]) => void;
}

/** Clients only listen; the server accepts no events from them. */
export type ClientToServerEvents = Record<string, never>;

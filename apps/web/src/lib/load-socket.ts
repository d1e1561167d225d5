import type { ShowsSocket } from './socket';

/**
 * The socket, with Socket.IO's client fetched on first use: live updates improve a page that the HTTP answers
 * already drew, so the client library stays out of the shows page's initial JavaScript. Code on the first
 * page's import graph reaches the socket through here, never through './socket' directly.
 */
export const loadShowsSocket = (): Promise<ShowsSocket> => import('./socket').then((module) => module.getShowsSocket());

/**
 * Tells the socket who is signed in now (see './socket' identifySocket), through the same deferred import: a
 * socket not created yet has nothing to change, and connects later with the token of its time.
 */
export const identifyShowsSocket = (): void => {
  void import('./socket').then((module) => module.identifySocket());
};

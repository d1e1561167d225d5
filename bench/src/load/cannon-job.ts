/** What the load process is asked to do, and what it answers (sent over the child's IPC channel). */
export interface CannonJob {
  url: string;
  connections: number;
  /** One per connection, in connection order: each virtual client is its own user. */
  bearers: string[];
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** POST /bookings: each request books one place of one of these shows, picked at random per request. */
  showIds?: number[];
  seconds?: number;
  /** Stop after this many requests (takes precedence over seconds). */
  amount?: number;
  /** Stop as soon as this many 201s have been answered (a sell-out). */
  stopAfterCreated?: number;
  /** Keep the arrival time of every 201 (event lag). */
  keepCreatedTimes?: boolean;
}

export interface CannonResult {
  /** HTTP answers received. */
  requests: number;
  /** Sent but never answered: cut off when the run ended, or failed (errors). Each may or may not have booked. */
  unanswered: number;
  seconds: number;
  statuses: Record<string, number>;
  /** Connection errors and timeouts: requests that got no HTTP answer. */
  errors: number;
  p50: number;
  p99: number;
  /** ms from the first request to the 201 that reached stopAfterCreated; null if it never did. */
  soldOutMs: number | null;
  createdTimes: number[];
}

/** Wall-clock ms with sub-ms resolution, comparable across processes of one machine. */
export const clockNow = () => performance.timeOrigin + performance.now();

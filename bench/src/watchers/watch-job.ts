/** Messages between the bench and one watchers process. */
export interface WatchJob {
  url: string;
  count: number;
  /** The show whose count is timed, and its places at the start. */
  showId: number;
  total: number;
  /** `show`: each watcher asks for that show only (watchShows); `all`: it asks nothing and hears every change. */
  watch: 'all' | 'show';
}

/** Sent once the sale is over: the arrival time of every 201 of the show, in order. */
export interface WatchFinish {
  kind: 'finish';
  createdTimes: number[];
}

export interface WatchResult {
  connected: number;
  failed: number;
  messages: number;
  /** Lags of every (201, watcher) pair, in 1 ms buckets (LagHistogram.toJSON). */
  lags: { buckets: [number, number][]; count: number; missed: number };
  /** Per 201, the largest lag among this process's watchers: the last watcher to hear it. */
  lastLags: number[];
}

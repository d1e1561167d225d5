const OFFSET_KEY = 'holdfast.clockOffsetMs';

/**
 * Holds are timed by the server's clock. We keep `server time - local time` so a countdown ends when
 * the server says it ends even if this device's clock is off. Kept in sessionStorage so a reload
 * resumes with the same correction.
 */
let offsetMs = Number(sessionStorage.getItem(OFFSET_KEY) ?? 0) || 0;

/** `serverTime` was read by the server between `sentAt` and `receivedAt` (local clock, ms). */
export function observeServerTime(serverTime: number, sentAt: number, receivedAt: number) {
  if (!Number.isFinite(serverTime)) return;
  offsetMs = Math.round(serverTime - (sentAt + receivedAt) / 2);
  sessionStorage.setItem(OFFSET_KEY, String(offsetMs));
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}

export function resetServerClock() {
  offsetMs = 0;
  sessionStorage.removeItem(OFFSET_KEY);
}

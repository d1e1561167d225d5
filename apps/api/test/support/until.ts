/**
 * Reads again every 25 ms until `done` accepts the value or the time is up, and answers the last value either
 * way: the test's assertion on it then says what was seen, instead of a bare timeout.
 */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { fakeSocket } from './fake-socket';
import { server } from './mock-api';

// findBy* waits up to 1 s by default; on a loaded 2-core CI runner a retry with backoff can take longer.
configure({ asyncUtilTimeout: 5_000 });

// The real socket would dial localhost; every test drives this fake instead.
vi.mock('@/lib/socket', () => ({ getShowsSocket: () => fakeSocket, identifySocket: () => {} }));
vi.mock('@/lib/load-socket', () => ({ loadShowsSocket: async () => fakeSocket, identifyShowsSocket: () => {} }));

// jsdom has no matchMedia; Motion asks it for prefers-reduced-motion.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;

// jsdom lays nothing out and cannot scroll, yet ScrollRestoration scrolls on every navigation.
// A recording stub keeps jsdom's "Not implemented" off the output and lets a test assert a scroll.
window.scrollTo = vi.fn() as typeof window.scrollTo;
beforeEach(() => vi.mocked(window.scrollTo).mockClear());

// A console.error in a test (React act() warnings, failed prop types, key warnings) is a failure.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(' ')}`);
  });
});

// A request no handler answers is a test that does not know what the app sends: it fails the test.
const unhandled: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:unhandled', ({ request }) => {
    unhandled.push(`${request.method} ${new URL(request.url).pathname}`);
  });
});
afterAll(() => server.close());

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  fakeSocket.reset();
  server.resetHandlers();
  server.events.removeAllListeners('request:start');
  if (unhandled.length > 0) throw new Error(`No handler for: ${unhandled.splice(0).join(', ')}`);
});

import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeSocket } from './fake-socket';

// The real socket would dial localhost; every test drives this fake instead.
vi.mock('@/lib/socket', () => ({ getShowsSocket: () => fakeSocket }));

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

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  fakeSocket.reset();
  vi.unstubAllGlobals();
});

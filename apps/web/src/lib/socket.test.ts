import { describe, expect, it, vi } from 'vitest';

// The test setup replaces this module with a fake socket for every component test; this test needs the real one.
const { socketAddress } = await vi.importActual<typeof import('./socket')>('./socket');

describe('socketAddress', () => {
  it('when the API has its own origin, then the socket uses the default path', () => {
    expect(socketAddress('http://localhost:3000', 'http://localhost:5173/')).toEqual({
      origin: 'http://localhost:3000',
      path: '/socket.io/',
    });
  });

  it('when the API is under /api on the same origin (nginx), then the prefix goes into the socket path', () => {
    expect(socketAddress('/api', 'https://holdfast.example/shows/4')).toEqual({
      origin: 'https://holdfast.example',
      path: '/api/socket.io/',
    });
  });
});

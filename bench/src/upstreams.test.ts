import { describe, expect, it } from 'vitest';
import { socketsPerInstance } from './upstreams.js';

describe('socketsPerInstance', () => {
  it('when nginx logged sockets and other requests, then only the upgraded sockets count, per instance', () => {
    const log = [
      'GET /socket.io/ 101 127.0.0.1:4001',
      'GET /socket.io/ 101 127.0.0.1:4002',
      'GET /socket.io/ 101 127.0.0.1:4001',
      'POST /bookings 201 127.0.0.1:4002',
      'GET /socket.io/ 400 127.0.0.1:4002',
      '',
    ].join('\n');
    expect(socketsPerInstance(log, ['127.0.0.1:4001', '127.0.0.1:4002', '127.0.0.1:4003'])).toEqual([2, 1, 0]);
  });
});

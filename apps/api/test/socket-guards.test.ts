import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, type TestSocket } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  app = await startTestApp({ CORS_ORIGIN: 'http://holdfast.test', MAX_SOCKETS_PER_IP: '3' });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => app.close());

const connect = async (origin?: string) => {
  const socket = await connectSocket(app.baseUrl, { origin });
  sockets.push(socket);
  return socket;
};
/** Engine.IO's handshake over HTTP: a refusal is a 403 whose JSON names the reason, which clients cannot read. */
async function handshake(origin?: string) {
  const response = await fetch(`${app.baseUrl}/socket.io/?EIO=4&transport=polling`, {
    headers: origin ? { origin } : {},
  });
  const text = await response.text();
  const reason = response.status === 200 ? 'accepted' : (JSON.parse(text) as { message: string }).message;
  return `${response.status} ${reason}`;
}
const refused = (origin?: string) =>
  connect(origin).then(
    () => false,
    () => true,
  );
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('Socket.IO handshake guards', () => {
  it('when the Origin is not in CORS_ORIGIN, then it is refused; a listed or absent Origin connects', async () => {
    expect(await handshake('http://evil.test')).toBe('403 ORIGIN_NOT_ALLOWED');
    expect(await refused('http://evil.test')).toBe(true);
    expect((await connect('http://holdfast.test')).connected).toBe(true);
    expect((await connect()).connected).toBe(true);
  });

  it('when one address holds MAX_SOCKETS_PER_IP sockets, then the next is refused until one leaves', async () => {
    await settle(); // the previous test's sockets are closed by afterEach; let the server count them out
    const open = [await connect(), await connect(), await connect()];
    expect(await handshake()).toBe('403 TOO_MANY_SOCKETS');
    expect(await refused()).toBe(true);
    open[0]!.disconnect();
    await settle();
    expect((await connect()).connected).toBe(true);
  });
});

describe('the socket cap behind a proxy', () => {
  /** A polling handshake as a proxy would forward it: the session stays open, counted, until it times out. */
  const handshakeFor = async (target: TestApp, forwardedFor: string) => {
    const response = await fetch(`${target.baseUrl}/socket.io/?EIO=4&transport=polling`, {
      headers: { 'x-forwarded-for': forwardedFor },
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('when a trusted proxy forwards the client, then the cap counts that client, not the proxy', async () => {
    const proxied = await startTestApp({ MAX_SOCKETS_PER_IP: '2' }); // TRUST_PROXY defaults to loopback
    try {
      expect([await handshakeFor(proxied, '203.0.113.7'), await handshakeFor(proxied, '203.0.113.7')]).toEqual([
        200, 200,
      ]);
      expect(await handshakeFor(proxied, '203.0.113.7')).toBe(403);
      expect(await handshakeFor(proxied, '198.51.100.9')).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('when the peer is not a trusted proxy, then X-Forwarded-For is ignored and the peer is counted', async () => {
    const direct = await startTestApp({ MAX_SOCKETS_PER_IP: '2', TRUST_PROXY: '10.20.30.40' });
    try {
      expect(await handshakeFor(direct, '203.0.113.7')).toBe(200);
      expect(await handshakeFor(direct, '198.51.100.9')).toBe(200);
      expect(await handshakeFor(direct, '192.0.2.1')).toBe(403);
    } finally {
      await direct.close();
    }
  });
});

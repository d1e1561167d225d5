import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Which peers may say who the client is: TRUST_PROXY's list, compiled once. */
export type TrustedProxies = ReturnType<typeof proxyAddr.compile>;

export function trustListIsValid(list: string): boolean {
  try {
    proxyAddr.compile(list.split(',').map((entry) => entry.trim()));
    return true;
  } catch {
    return false;
  }
}

export const trustedProxies = (list: string[]): TrustedProxies => proxyAddr.compile(list);

/**
 * The client's address as Express's req.ip works it out (the same `trust proxy` list, through the same proxy-addr),
 * for the places Express does not reach: a Socket.IO handshake. Behind nginx, every socket would otherwise count
 * against nginx's own address.
 */
export const clientAddress = (req: IncomingMessage, trusted: TrustedProxies): string => proxyAddr(req, trusted);

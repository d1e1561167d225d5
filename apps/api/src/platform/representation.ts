import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

type Encoding = 'br' | 'gzip' | 'identity';

/**
 * One JSON answer, serialised once, with its ETag and its compressed forms made on first demand. A cached
 * answer is encoded once and sent many times, so the per-request cost is a buffer write, not JSON.stringify
 * and a compressor. Levels match the `compression` middleware's (gzip 6, brotli 4): fast enough for dynamic
 * content.
 */
export interface Representation {
  status: number;
  headers: Record<string, string>;
  etag: string;
  encoded(encoding: Encoding): Buffer;
}

/** Smaller bodies go as they are, as the compression middleware does: the headers would outweigh the gain. */
const COMPRESS_FROM_BYTES = 1024;

export function representJson(status: number, body: unknown, headers: Record<string, string>): Representation {
  const json = Buffer.from(JSON.stringify(body));
  // Weak, as Express's own: the compressed forms are the same representation, byte for byte they are not.
  const etag = `W/"${json.length.toString(16)}-${createHash('sha1').update(json).digest('base64url')}"`;
  const forms = new Map<Encoding, Buffer>([['identity', json]]);
  return {
    status,
    headers,
    etag,
    encoded(encoding) {
      let form = forms.get(encoding);
      if (!form) {
        form =
          encoding === 'br'
            ? brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
            : gzipSync(json, { level: 6 });
        forms.set(encoding, form);
      }
      return form;
    },
  };
}

/** Sends a representation: 304 when If-None-Match names its ETag, otherwise the best encoding the client takes. */
export function sendRepresentation(req: Request, res: Response, representation: Representation): void {
  const { status, headers, etag } = representation;
  res.status(status).set(headers).setHeader('ETag', etag);
  res.vary('Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  // No Accept-Encoding at all gets the plain body, as from the compression middleware (curl, old proxies).
  const accepted = req.headers['accept-encoding'] ? req.acceptsEncodings('br', 'gzip', 'identity') : 'identity';
  const identity = representation.encoded('identity');
  const encoding: Encoding =
    identity.length >= COMPRESS_FROM_BYTES && (accepted === 'br' || accepted === 'gzip') ? accepted : 'identity';
  // Content-Encoding set here tells the compression middleware that this body is encoded already.
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  const body = representation.encoded(encoding);
  res.type('application/json').setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from './logger.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/** Probes and scrapes come every few seconds from machines: their answers would drown the lines people read. */
const QUIET_PATHS = new Set(['/health/live', '/metrics']);

/**
 * One line per answered request (method, URL, status, time), with the request id. Never headers or bodies:
 * they carry tokens, passwords and personal data. 5xx lines are warnings: the error itself is reported once,
 * with its stack, by the error reporter.
 */
export const logRequests = (logger: Logger): RequestHandler =>
  pinoHttp({
    logger,
    genReqId: (_req, res) => String(res.getHeader(REQUEST_ID_HEADER)),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return 'warn';
      // A refused scrape is still worth a line.
      return res.statusCode < 400 && QUIET_PATHS.has(req.url?.split('?')[0] ?? '') ? 'silent' : 'info';
    },
  });

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** What a proxy or client may hand us: a UUID, nginx's $request_id, a trace id. Anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

const requestContext = new AsyncLocalStorage<{ reqId: string }>();

/** The id of the request being served, wherever the code runs on its behalf (queries, the error reporter). */
export const currentRequestId = (): string | undefined => requestContext.getStore()?.reqId;

/** Runs `fn` (and what it starts) as nobody's request: for work shared by many requests, such as a batch. */
export const outsideAnyRequest = <T>(fn: () => T): T => requestContext.exit(fn);

export const acceptRequestId = (incoming: string | undefined): string =>
  incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();

/**
 * First of all middleware: every answer, errors and refusals included, carries the id, and everything that runs
 * for the request (however deep, across awaits) can read it, so the logger's mixin stamps it on each line.
 */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const reqId = acceptRequestId(req.header(REQUEST_ID_HEADER));
  res.setHeader(REQUEST_ID_HEADER, reqId);
  requestContext.run({ reqId }, next);
};

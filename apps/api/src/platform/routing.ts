import {
  csvTextSchema,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  type Access,
  type Endpoint,
} from '@holdfast/contracts';
import type { Request, RequestHandler, Router } from 'express';
import stringify from 'safe-stable-stringify';
import type { z } from 'zod';
import type { AuthUser } from './auth-user.js';
import type { Db } from './db.js';
import type { DomainEvents } from './events.js';
import {
  fingerprintRequest,
  parseIdempotencyKey,
  runIdempotently,
  type EffectScope,
  type IdempotencyClaim,
  type Outcome,
} from './idempotency.js';
import { representJson, sendRepresentation } from './representation.js';
import type { ResponseCache } from './response-cache.js';
import { parseQuery, validateBody } from './validate.js';

type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.output<E['body']> : undefined;
type QueryOf<E extends Endpoint> = E['query'] extends z.ZodType ? z.output<E['query']> : undefined;
/** An endpoint with the contract's csvFormat answers CSV text when `?format=csv` asks for it. */
type ResultOf<E extends Endpoint> = E['response'] extends z.ZodType
  ? z.input<E['response']> | (E extends { csvFormat: true } ? string : never)
  : void;

export interface RouteContext<E extends Endpoint> {
  body: BodyOf<E>;
  /** The query, parsed and defaulted by the contract's schema. */
  query: QueryOf<E>;
  params: Record<string, string>;
  auth: E['access'] extends 'public' ? undefined : AuthUser;
  /**
   * Idempotent endpoints run their effect through this, and answer what it answers. With an Idempotency-Key
   * the effect runs in one transaction with the stored key (its events wait for COMMIT), or is not run at all
   * and the first answer is replayed. Without a key it simply runs on the pool.
   */
  idempotently: <T>(effect: (scope: EffectScope) => Promise<T>) => Promise<T>;
  /** Answers the endpoint's alternativeStatus instead of its status (the contract must name one). */
  useAlternativeStatus: () => void;
  /** Sets a header of the success answer (a cached answer keeps it); errors never carry it. */
  header: (name: string, value: string) => void;
  /**
   * For an effect that claims and answers its key itself, in its own transaction (the booking desk does, for a
   * whole batch): it gets the request's key and fingerprint (undefined without a key) and answers an Outcome,
   * whose replay is sent exactly as `idempotently` sends one.
   */
  claimsOwnKey: <T>(effect: (claim: IdempotencyClaim | undefined) => Promise<Outcome<T>>) => Promise<T>;
}

export interface MountOptions {
  /**
   * Serve the answer from this shared cache, by path and parsed query. Only for public reads, whose answer
   * depends on nothing but the request line; the cache's owner invalidates it when the data changes.
   */
  cache?: ResponseCache;
}

export type Mount = <E extends Endpoint>(
  endpoint: E,
  handler: (ctx: RouteContext<E>) => Promise<ResultOf<E>>,
  options?: MountOptions,
) => void;

/**
 * Mounts a contract endpoint: access guards and body validation come from the contract, the handler
 * only calls its use case. With `checkResponses` (tests) every answer is parsed against the contract too,
 * so the code and the OpenAPI document cannot drift apart unnoticed.
 */
export function createMount(
  router: Router,
  guards: Record<Access, RequestHandler[]>,
  options: { checkResponses: boolean; db: Db; events: DomainEvents },
): Mount {
  return (endpoint, handler, { cache } = {}) => {
    if (cache && (endpoint.method !== 'get' || endpoint.access !== 'public' || endpoint.response === null)) {
      throw new Error(`${endpoint.method} ${endpoint.path}: only public reads with a body can be cached`);
    }
    const validation = endpoint.body ? [validateBody(endpoint.body)] : [];
    router[endpoint.method](endpoint.path, ...guards[endpoint.access], ...validation, async (req: Request, res) => {
      const query = endpoint.query ? parseQuery(endpoint.query, req.query) : undefined;
      const headers: Record<string, string> = {};
      const header = (name: string, value: string) => {
        headers[name] = value;
      };
      if (cache) {
        // The parsed query is the key: `?limit=50` and no limit at all are one answer, and unknown parameters
        // never get this far.
        const answer = await cache.answer(`${req.path}?${stringify(query)}`, async () => {
          const ctx = { query, params: req.params as Record<string, string>, header };
          const result = await handler(ctx as RouteContext<typeof endpoint>);
          if (options.checkResponses) endpoint.response!.parse(result);
          return representJson(endpoint.status, result, headers);
        });
        sendRepresentation(req, res, answer);
        return;
      }
      const key = endpoint.idempotent ? parseIdempotencyKey(req.header(IDEMPOTENCY_KEY_HEADER)) : undefined;
      let replay: { status: number; body: unknown } | undefined;
      let effectRan = false;
      const fingerprint = () => fingerprintRequest(req.method, req.baseUrl + req.path, req.body);
      /** A fresh result is answered as it is; a replay is sent with its stored status and the replay header. */
      const answer = <T>(outcome: Outcome<T>): T => {
        if (!outcome.replayed) return outcome.result;
        replay = outcome;
        return outcome.body as T;
      };
      const idempotently = async <T>(effect: (scope: EffectScope) => Promise<T>): Promise<T> => {
        effectRan = true;
        if (key === undefined || !req.auth) return effect({ db: options.db, events: options.events });
        const request = { userId: req.auth.userId, key, fingerprint: fingerprint(), status: endpoint.status };
        return answer(await runIdempotently(options, request, effect));
      };
      const claimsOwnKey = async <T>(effect: (claim: IdempotencyClaim | undefined) => Promise<Outcome<T>>) => {
        effectRan = true;
        const claim = key === undefined || !req.auth ? undefined : { key, fingerprint: fingerprint() };
        return answer(await effect(claim));
      };
      let status = endpoint.status;
      const useAlternativeStatus = () => {
        if (!endpoint.alternativeStatus)
          throw new Error(`${endpoint.method} ${endpoint.path} has no alternativeStatus`);
        status = endpoint.alternativeStatus.status;
      };
      const result = await handler({
        body: req.body,
        useAlternativeStatus,
        query,
        params: req.params as Record<string, string>,
        auth: req.auth,
        idempotently,
        header,
        claimsOwnKey,
      } as RouteContext<typeof endpoint>);
      if (key !== undefined && !effectRan) {
        throw new Error(`${endpoint.method} ${endpoint.path} is idempotent but did not run through idempotently()`);
      }
      if (replay) res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      else res.set(headers);
      if (endpoint.response === null) {
        res.status(replay?.status ?? status).end();
        return;
      }
      // `?format=csv` asks for the same rows as a CSV download (the contract's csvFormat).
      const csv = endpoint.csvFormat === true && (query as { format?: string } | undefined)?.format === 'csv';
      if (options.checkResponses) (csv ? csvTextSchema : endpoint.response).parse(result);
      const produces = csv ? 'text/csv' : endpoint.produces;
      if (produces) {
        if (!res.get('Content-Type')) res.type(produces);
        res.status(status).send(result);
        return;
      }
      res.status(replay?.status ?? status).json(result);
    });
  };
}

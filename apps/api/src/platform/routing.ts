import type { Access, Endpoint } from '@holdfast/contracts';
import type { Request, RequestHandler, Router } from 'express';
import type { z } from 'zod';
import type { AuthUser } from './auth-user.js';
import { validateBody } from './validate.js';

type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.output<E['body']> : undefined;
type ResultOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.input<E['response']> : void;

export interface RouteContext<E extends Endpoint> {
  body: BodyOf<E>;
  params: Record<string, string>;
  auth: E['access'] extends 'public' ? undefined : AuthUser;
}

export type Mount = <E extends Endpoint>(endpoint: E, handler: (ctx: RouteContext<E>) => Promise<ResultOf<E>>) => void;

/**
 * Mounts a contract endpoint: access guards and body validation come from the contract, the handler
 * only calls its use case. With `checkResponses` (tests) every answer is parsed against the contract too,
 * so the code and the OpenAPI document cannot drift apart unnoticed.
 */
export function createMount(
  router: Router,
  guards: Record<Access, RequestHandler[]>,
  options: { checkResponses: boolean },
): Mount {
  return (endpoint, handler) => {
    const validation = endpoint.body ? [validateBody(endpoint.body)] : [];
    router[endpoint.method](endpoint.path, ...guards[endpoint.access], ...validation, async (req: Request, res) => {
      const result = await handler({
        body: req.body,
        params: req.params as Record<string, string>,
        auth: req.auth,
      } as RouteContext<typeof endpoint>);
      if (endpoint.response === null) {
        res.status(endpoint.status).end();
        return;
      }
      if (options.checkResponses) endpoint.response.parse(result);
      res.status(endpoint.status).json(result);
    });
  };
}

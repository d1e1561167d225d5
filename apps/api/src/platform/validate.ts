import type { RequestHandler } from 'express';
import { idSchema } from '@holdfast/contracts';
import type { z } from 'zod';
import { type AppError, validationError } from './errors.js';

/** Replaces req.body with the parsed (trimmed, defaulted) value, or answers 400 with each field's problem. */
export const validateBody =
  (schema: z.ZodType): RequestHandler =>
  (req, _res, next) => {
    const result = schema.safeParse(req.body ?? undefined);
    if (!result.success) {
      const fields = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      const message =
        req.body === undefined
          ? 'A JSON request body is required'
          : fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ');
      throw validationError({ fields }, message);
    }
    req.body = result.data;
    next();
  };

/** A path id that is not a positive 32-bit integer cannot name anything: it is simply not found. */
export function parsePathId(raw: string | undefined, notFound: () => AppError): number {
  const value = raw !== undefined && /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!idSchema.safeParse(value).success) throw notFound();
  return value;
}

/** The parsed (defaulted) query, or 400 VALIDATION_ERROR naming each parameter's problem, as for a body. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    // An unknown parameter is reported under its own name, not under the query as a whole.
    path: issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.'),
    message: issue.message,
  }));
  throw validationError({ fields }, fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; '));
}

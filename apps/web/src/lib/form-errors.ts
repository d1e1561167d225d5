import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Zod issues as field -> first message, the same shape the server's VALIDATION_ERROR gives us. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) result[issue.path.join('.') || '_form'] ??= issue.message;
  return result;
}

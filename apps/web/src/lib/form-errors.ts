import type { z } from 'zod';
import { fieldErrorsOf } from './api-error';
import { explainError } from './explain-error';

/** Messages by field name; `_form` holds the one that belongs to no field. */
export type FieldErrors = Record<string, string>;

/** Zod issues as field -> first message, the same shape the server's VALIDATION_ERROR gives us. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) result[issue.path.join('.') || '_form'] ??= issue.message;
  return result;
}

/** A refusal no form explains better: the server's field messages, and plain words above the form. */
export const refusalErrors = (error: unknown): FieldErrors => ({ ...fieldErrorsOf(error), _form: explainError(error) });

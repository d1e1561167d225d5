import { fieldErrorsOf, hasCode, isApiError } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import type { FieldErrors } from '@/lib/form-errors';

/** A refused show change, as messages next to the fields (or above the form when no field fits). */
export function serverShowErrors(error: unknown): FieldErrors {
  if (hasCode(error, 'SLOTS_BELOW_TAKEN')) {
    const taken = (error.details as { taken?: number } | undefined)?.taken;
    return {
      totalSlots:
        taken !== undefined
          ? `${taken} places are already booked or held, so total places cannot go below ${taken}.`
          : 'More places are already booked or held than that.',
    };
  }
  const fields = fieldErrorsOf(error);
  if (Object.keys(fields).length > 0) return fields;
  if (hasCode(error, 'SHOW_NOT_FOUND')) return { _form: 'This show no longer exists.' };
  return { _form: isApiError(error) ? explainError(error) : 'Something went wrong. Please try again.' };
}

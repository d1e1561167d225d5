import { createShowRequestSchema, updateShowRequestSchema, type Show } from '@holdfast/contracts';
import { zodFieldErrors, type FieldErrors } from '@/lib/form-errors';

/** What the form holds: strings, as the inputs give them. Start time is local `yyyy-mm-ddThh:mm`. */
export interface ShowFormValues {
  name: string;
  startTime: string;
  totalSlots: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the viewer's local wall-clock time, the format <input type="datetime-local"> wants. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const valuesOf = (show: Show): ShowFormValues => ({
  name: show.name,
  startTime: toLocalInput(show.startTime),
  totalSlots: String(show.totalSlots),
});

const toRequest = (values: ShowFormValues) => ({
  name: values.name,
  // The local time becomes an absolute instant here, so the show is at the time the admin meant.
  startTime: values.startTime ? new Date(values.startTime).toISOString() : '',
  totalSlots: values.totalSlots.trim() === '' ? Number.NaN : Number(values.totalSlots),
});

type Parsed<T> = { ok: true; request: T } | { ok: false; errors: FieldErrors };

function withFriendlyBlanks(values: ShowFormValues, errors: FieldErrors): FieldErrors {
  if (!values.startTime && errors.startTime) errors.startTime = 'Start time is required';
  if (!values.totalSlots.trim() && errors.totalSlots) errors.totalSlots = 'Total places is required';
  return errors;
}

export function parseNewShow(values: ShowFormValues): Parsed<ReturnType<typeof createShowRequestSchema.parse>> {
  const result = createShowRequestSchema.safeParse(toRequest(values));
  return result.success ? { ok: true, request: result.data } : { ok: false, errors: withFriendlyBlanks(values, zodFieldErrors(result.error)) };
}

/** Only the fields that changed, so an unchanged past-due start time is never re-validated. */
export function parseShowChanges(show: Show, values: ShowFormValues): Parsed<ReturnType<typeof updateShowRequestSchema.parse>> {
  const request = toRequest(values);
  const initial = valuesOf(show);
  const changes = {
    name: values.name !== initial.name ? request.name : undefined,
    startTime: values.startTime !== initial.startTime ? request.startTime : undefined,
    totalSlots: values.totalSlots !== initial.totalSlots ? request.totalSlots : undefined,
  };
  const result = updateShowRequestSchema.safeParse(changes);
  if (result.success) return { ok: true, request: result.data };
  const errors = withFriendlyBlanks(values, zodFieldErrors(result.error));
  if (errors._form) errors._form = 'Nothing has changed yet.';
  return { ok: false, errors };
}

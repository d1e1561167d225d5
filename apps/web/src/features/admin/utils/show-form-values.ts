import type { Show } from '@holdfast/contracts';
import type { FieldErrors } from '@/lib/form-errors';

/** What the form holds: strings, as the inputs give them. Start time is local `yyyy-mm-ddThh:mm`. */
export interface ShowFormValues {
  name: string;
  startTime: string;
  totalSlots: string;
  /** Where; blank for none. */
  location: string;
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
  location: show.location ?? '',
});

const readValues = (data: FormData): ShowFormValues => ({
  name: String(data.get('name') ?? ''),
  startTime: String(data.get('startTime') ?? ''),
  totalSlots: String(data.get('totalSlots') ?? ''),
  location: String(data.get('location') ?? ''),
});

const toRequest = (values: ShowFormValues) => ({
  name: values.name,
  // The local time becomes an absolute instant here, so the show is at the time the admin meant.
  startTime: values.startTime ? new Date(values.startTime).toISOString() : '',
  totalSlots: values.totalSlots.trim() === '' ? Number.NaN : Number(values.totalSlots),
  // Blank is sent as it is: the contract reads it as "no location" (and clears one on an edit).
  location: values.location,
});

export const readNewShow = (data: FormData) => toRequest(readValues(data));

/** Only the fields that changed, so an unchanged past-due start time is never re-validated. */
export function readShowChanges(show: Show, data: FormData) {
  const values = readValues(data);
  const request = toRequest(values);
  const initial = valuesOf(show);
  return {
    name: values.name !== initial.name ? request.name : undefined,
    startTime: values.startTime !== initial.startTime ? request.startTime : undefined,
    totalSlots: values.totalSlots !== initial.totalSlots ? request.totalSlots : undefined,
    location: values.location.trim() !== initial.location ? request.location : undefined,
  };
}

/** The contract words a blank start time or slot count as malformed; in a form it is simply missing. */
export function explainInvalidShow(errors: FieldErrors, data: FormData): FieldErrors {
  const values = readValues(data);
  if (!values.startTime && errors.startTime) errors.startTime = 'Start time is required';
  if (!values.totalSlots.trim() && errors.totalSlots) errors.totalSlots = 'Total places is required';
  return errors;
}

/** An edit is refused as a whole only when no field changed. */
export function explainInvalidChanges(errors: FieldErrors, data: FormData): FieldErrors {
  const explained = explainInvalidShow(errors, data);
  if (explained._form) explained._form = 'Nothing has changed yet.';
  return explained;
}

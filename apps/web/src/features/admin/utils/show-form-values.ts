import type { Show } from '@holdfast/contracts';
import type { FieldErrors } from '@/lib/form-errors';
import { fromZonedInput, toZonedInput, viewerTimeZone } from '@/lib/time-zones';

/** What the form holds: strings, as the inputs give them. Start time is `yyyy-mm-ddThh:mm` in `timeZone`. */
export interface ShowFormValues {
  name: string;
  startTime: string;
  totalSlots: string;
  timeZone: string;
  /** Where; blank for none. */
  location: string;
}

export const emptyShowValues = (): ShowFormValues => ({
  name: '',
  startTime: '',
  totalSlots: '',
  timeZone: viewerTimeZone(),
  location: '',
});

export const valuesOf = (show: Show): ShowFormValues => ({
  name: show.name,
  startTime: toZonedInput(show.startTime, show.timeZone),
  totalSlots: String(show.totalSlots),
  timeZone: show.timeZone,
  location: show.location ?? '',
});

const readValues = (data: FormData): ShowFormValues => ({
  name: String(data.get('name') ?? ''),
  startTime: String(data.get('startTime') ?? ''),
  totalSlots: String(data.get('totalSlots') ?? ''),
  timeZone: String(data.get('timeZone') ?? ''),
  location: String(data.get('location') ?? ''),
});

const toRequest = (values: ShowFormValues) => ({
  name: values.name,
  // The wall-clock time in the chosen zone becomes an instant here, so the show is at the time the admin meant.
  startTime: values.startTime ? fromZonedInput(values.startTime, values.timeZone) : '',
  totalSlots: values.totalSlots.trim() === '' ? Number.NaN : Number(values.totalSlots),
  timeZone: values.timeZone,
  // Blank is sent as it is: the contract reads it as "no location" (and clears one on an edit).
  location: values.location,
});

export const readNewShow = (data: FormData) => toRequest(readValues(data));

/** Only the fields that changed, so an unchanged past-due start time is never re-validated. */
export function readShowChanges(show: Show, data: FormData) {
  const values = readValues(data);
  const request = toRequest(values);
  const initial = valuesOf(show);
  const zoneChanged = values.timeZone !== initial.timeZone;
  return {
    name: values.name !== initial.name ? request.name : undefined,
    // The same wall-clock time in another zone is another instant: a new zone moves the show with it.
    startTime: values.startTime !== initial.startTime || zoneChanged ? request.startTime : undefined,
    totalSlots: values.totalSlots !== initial.totalSlots ? request.totalSlots : undefined,
    timeZone: zoneChanged ? request.timeZone : undefined,
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

import type { FieldErrors } from '@/lib/form-errors';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The form as the series request; times are typed as "09:00, 18:30". */
export function readSeries(data: FormData, dryRun: boolean) {
  const times = String(data.get('times') ?? '')
    .split(/[\s,]+/)
    .filter(Boolean);
  const totalSlots = String(data.get('totalSlots') ?? '').trim();
  return {
    name: String(data.get('name') ?? ''),
    timeZone: String(data.get('timeZone') ?? ''),
    startDate: String(data.get('startDate') ?? ''),
    endDate: String(data.get('endDate') ?? ''),
    weekdays: data.getAll('weekdays').map(Number),
    times,
    totalSlots: totalSlots === '' ? Number.NaN : Number(totalSlots),
    dryRun,
  };
}

/** Errors of list items ("times.0") shown on the list's field; blank fields are "required". */
export function explainInvalidSeries(errors: FieldErrors, data: FormData): FieldErrors {
  const explained: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) explained[path.split('.')[0]!] ??= message;
  if (!data.get('startDate')) explained.startDate = 'Start date is required';
  if (!data.get('endDate')) explained.endDate = 'End date is required';
  if (!String(data.get('totalSlots') ?? '').trim()) explained.totalSlots = 'Places per show is required';
  for (const key of ['startDate', 'endDate', 'totalSlots']) if (!errors[key]) delete explained[key];
  return explained;
}

import { localDateKey } from '@/lib/format';
import type { ReportWindow } from '../api/get-occupancy-report';

/** The form's days (yyyy-mm-dd, both included) as the report's instants: local midnight to the midnight after. */
export function reportWindowOf(fromDay: string, toDay: string): ReportWindow | string {
  if (!fromDay || !toDay) return 'Choose both days';
  const from = new Date(`${fromDay}T00:00`);
  const to = new Date(`${toDay}T00:00`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return 'Choose both days';
  if (to < from) return 'The last day cannot come before the first';
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Today and 30 days on, in the viewer's zone. */
export function defaultReportDays(now = new Date()) {
  const later = new Date(now);
  later.setDate(later.getDate() + 30);
  return { fromDay: localDateKey(now.toISOString()), toDay: localDateKey(later.toISOString()) };
}

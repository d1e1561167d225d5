import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { explainError } from '@/lib/explain-error';
import { formatCount, formatShowTime } from '@/lib/format';
import { downloadOccupancyCsv, useOccupancyReport, type ReportWindow } from '../api/get-occupancy-report';
import { defaultReportDays, reportWindowOf } from '../model/report-window';
import { DownloadButton } from './download-button';

// Its own chunk, fetched when a report first has rows: the chart never weighs on any other page.
const OccupancyChart = lazy(() => import('./occupancy-chart'));

const columns = [
  ['total', 'Places'],
  ['confirmed', 'Confirmed'],
  ['held', 'Held'],
  ['free', 'Free'],
  ['holdsExpired', 'Holds expired'],
  ['cancellations', 'Cancellations'],
  ['waiting', 'Waiting'],
] as const;

/** Occupancy per show over the days the admin chooses: a chart, the figures, and the same rows as CSV. */
export function OccupancyReport() {
  const [days, setDays] = useState(defaultReportDays);
  const [window, setWindow] = useState<ReportWindow | null>(null);
  const [formError, setFormError] = useState<string | undefined>();
  const report = useOccupancyReport(window);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = reportWindowOf(days.fromDay, days.toDay);
    if (typeof chosen === 'string') return setFormError(chosen);
    setFormError(undefined);
    setWindow(chosen);
  };

  return (
    <div className="flex flex-col gap-5">
      <Card>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Report period">
          <Field
            label="First day"
            type="date"
            value={days.fromDay}
            onChange={(e) => setDays({ ...days, fromDay: e.target.value })}
          />
          <Field
            label="Last day"
            type="date"
            value={days.toDay}
            error={formError}
            onChange={(e) => setDays({ ...days, toDay: e.target.value })}
          />
          <Button type="submit">Show report</Button>
        </form>
      </Card>
      <div aria-live="polite" aria-busy={report.isFetching} className="flex flex-col gap-5">
        {window === null ? null : report.isPending ? (
          <Skeleton className="h-40" />
        ) : report.isError ? (
          <p role="alert">{explainError(report.error)}</p>
        ) : report.data.shows.length === 0 ? (
          <p>No shows start in this period.</p>
        ) : (
          <Card className="flex flex-col gap-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 className="text-lg font-semibold">{formatCount(report.data.shows.length, 'show')}</h2>
              <DownloadButton
                label="Download report (CSV)"
                fileName="occupancy.csv"
                download={() => downloadOccupancyCsv(window)}
              />
            </div>
            <Suspense fallback={<Skeleton className="h-40" />}>
              <OccupancyChart shows={report.data.shows} />
            </Suspense>
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Occupancy figures">
              <table className="w-full min-w-[40rem] text-left text-sm">
                <caption className="sr-only">Occupancy per show, by start time</caption>
                <thead>
                  <tr className="border-b border-white/70">
                    <th scope="col" className="p-2">
                      Show
                    </th>
                    {columns.map(([key, label]) => (
                      <th key={key} scope="col" className="p-2 text-right">
                        {label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.data.shows.map((show) => (
                    <tr key={show.showId} className="border-b border-white/50 last:border-0">
                      <th scope="row" className="p-2 font-normal">
                        {show.name}{' '}
                        <span className="text-slate-600">({formatShowTime(show.startTime, show.timeZone)})</span>
                      </th>
                      {columns.map(([key]) => (
                        <td key={key} className="p-2 text-right tabular-nums">
                          {show[key]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        )}
      </div>
    </div>
  );
}

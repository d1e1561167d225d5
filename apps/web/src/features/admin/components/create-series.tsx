import { createSeriesRequestSchema, MAX_TOTAL_SLOTS, type Series } from '@holdfast/contracts';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { refusalErrors } from '@/lib/form-errors';
import { viewerTimeZone } from '@/lib/time-zones';
import { useContractForm } from '@/lib/use-contract-form';
import { useCreateSeries } from '../api/series';
import { explainInvalidSeries, readSeries, WEEKDAYS } from '../utils/series-form-values';
import { SeriesShows } from './series-preview';
import { TimeZoneField } from './time-zone-field';

/**
 * A weekly rule made into shows. "Preview" asks the server for the shows it would make (dryRun), in the zone's
 * wall-clock time; only a preview of what the form holds now can be created, so the admin sees what they get.
 */
export function CreateSeries() {
  const create = useCreateSeries();
  // Which button sent the form: read when it is sent (the ref), shown on the buttons (the state).
  const dryRun = useRef(true);
  const [previewing, setPreviewing] = useState(true);
  const sendAs = (preview: boolean) => {
    dryRun.current = preview;
    setPreviewing(preview);
  };
  const [preview, setPreview] = useState<Series | null>(null);
  const [created, setCreated] = useState<{ series: Series; formKey: number } | null>(null);
  const form = useContractForm({
    schema: createSeriesRequestSchema,
    read: (data) => readSeries(data, dryRun.current),
    submit: async (request) => {
      const series = await create.mutateAsync(request);
      if (series.id === null) return setPreview(series);
      setPreview(null);
      setCreated((c) => ({ series, formKey: (c?.formKey ?? 0) + 1 }));
    },
    refused: refusalErrors,
    explainInvalid: explainInvalidSeries,
  });
  const errors = form.errors;

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">New series</h2>
      <form
        key={created?.formKey ?? 0}
        noValidate
        aria-label="New series"
        onSubmit={form.onSubmit}
        onChange={() => setPreview(null)}
        className="flex flex-col gap-4"
      >
        <FormAlert message={errors._form} />
        <Field label="Name" name="name" maxLength={200} error={errors.name} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TimeZoneField defaultValue={viewerTimeZone()} error={errors.timeZone} />
          <Field
            label="Places per show"
            name="totalSlots"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_TOTAL_SLOTS}
            error={errors.totalSlots}
          />
          <Field label="First date" name="startDate" type="date" error={errors.startDate} />
          <Field label="Last date" name="endDate" type="date" error={errors.endDate} />
        </div>
        <fieldset className="flex flex-col gap-1" aria-describedby={errors.weekdays ? 'weekdays-error' : undefined}>
          <legend className="text-sm font-medium">Weekdays</legend>
          <div className="flex flex-wrap gap-2">
            {WEEKDAYS.map((day, index) => (
              <label key={day} className="flex min-h-11 items-center gap-2 rounded-xl bg-white/70 px-3">
                <input type="checkbox" name="weekdays" value={index + 1} />
                {day}
              </label>
            ))}
          </div>
          {errors.weekdays && (
            <p id="weekdays-error" className="text-sm text-rose-700">
              {errors.weekdays}
            </p>
          )}
        </fieldset>
        <Field
          label="Times"
          name="times"
          placeholder="09:00, 18:30"
          hint="24-hour HH:MM in the time zone above, separated by commas"
          error={errors.times}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" disabled={form.submitting} onClick={() => sendAs(true)}>
            {form.submitting && previewing ? 'Previewing…' : 'Preview'}
          </Button>
          {preview && (
            <Button type="submit" disabled={form.submitting} onClick={() => sendAs(false)}>
              {form.submitting && !previewing ? 'Creating…' : `Create ${preview.shows.length} shows`}
            </Button>
          )}
        </div>
      </form>
      <div role="status" className="flex flex-col gap-2 text-sm">
        {preview && <p>{`${preview.shows.length} shows would be created:`}</p>}
        {created && !preview && (
          <p className="text-emerald-800">
            {`Created “${created.series.name}” with ${created.series.shows.length} shows. `}
            <Link className="underline" to={`/admin/series/${created.series.id}`}>
              View the series
            </Link>
          </p>
        )}
      </div>
      {preview && <SeriesShows series={preview} label="Preview of the series' shows" />}
    </Card>
  );
}

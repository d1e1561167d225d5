import { MAX_SHOW_LOCATION_LENGTH, MAX_TOTAL_SLOTS } from '@holdfast/contracts';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import type { FieldErrors } from '@/lib/form-errors';
import type { ShowFormValues } from '../utils/show-form-values';
import { TimeZoneField } from './time-zone-field';

type ShowFormProps = {
  label: string;
  initial: ShowFormValues;
  submitLabel: string;
  busy: boolean;
  errors: FieldErrors;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

/** The fields of a show; the inputs keep their own values and the form is read once, on submit. */
export function ShowForm({ label, initial, submitLabel, busy, errors, onSubmit }: ShowFormProps) {
  return (
    <form noValidate aria-label={label} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormAlert message={errors._form} />
      <Field label="Name" name="name" defaultValue={initial.name} error={errors.name} maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TimeZoneField defaultValue={initial.timeZone} error={errors.timeZone} />
        <Field
          label="Start time"
          name="startTime"
          type="datetime-local"
          defaultValue={initial.startTime}
          error={errors.startTime}
        />
        <Field
          label="Total places"
          name="totalSlots"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_TOTAL_SLOTS}
          defaultValue={initial.totalSlots}
          error={errors.totalSlots}
        />
      </div>
      <Field
        label="Location (optional)"
        name="location"
        defaultValue={initial.location}
        error={errors.location}
        maxLength={MAX_SHOW_LOCATION_LENGTH}
        autoComplete="off"
      />
      <Button type="submit" disabled={busy} className="self-start">
        {busy ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}

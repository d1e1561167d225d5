import { MAX_TOTAL_SLOTS } from '@holdfast/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import type { FieldErrors } from '@/lib/form-errors';
import type { ShowFormValues } from '../hooks/show-form-values';

type ShowFormProps = {
  label: string;
  initial: ShowFormValues;
  submitLabel: string;
  busy: boolean;
  errors: FieldErrors;
  onSubmit: (values: ShowFormValues) => void;
};

export function ShowForm({ label, initial, submitLabel, busy, errors, onSubmit }: ShowFormProps) {
  const [values, setValues] = useState(initial);
  const set = (field: keyof ShowFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form noValidate aria-label={label} onSubmit={submit} className="flex flex-col gap-4">
      <FormAlert message={errors._form} />
      <Field label="Name" value={values.name} onChange={set('name')} error={errors.name} maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Start time" type="datetime-local" value={values.startTime} onChange={set('startTime')} error={errors.startTime} />
        <Field
          label="Total places"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_TOTAL_SLOTS}
          value={values.totalSlots}
          onChange={set('totalSlots')}
          error={errors.totalSlots}
        />
      </div>
      <Button type="submit" disabled={busy} className="self-start">
        {busy ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}

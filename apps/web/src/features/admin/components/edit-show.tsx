import { updateShowRequestSchema, type Show } from '@holdfast/contracts';
import { useState } from 'react';
import { useContractForm } from '@/lib/use-contract-form';
import { useUpdateShow } from '../api/update-show';
import { serverShowErrors } from '../utils/server-show-errors';
import { explainInvalidChanges, readShowChanges, valuesOf } from '../utils/show-form-values';
import { ShowForm } from './show-form';

export function EditShow({ show }: { show: Show }) {
  const update = useUpdateShow(show.id);
  const [saved, setSaved] = useState(false);
  const form = useContractForm({
    schema: updateShowRequestSchema,
    read: (data) => readShowChanges(show, data),
    submit: async (changes) => {
      await update.mutateAsync(changes);
      setSaved(true);
    },
    refused: serverShowErrors,
    explainInvalid: explainInvalidChanges,
  });

  return (
    <div className="flex flex-col gap-3">
      <ShowForm
        label="Edit show"
        initial={valuesOf(show)}
        submitLabel="Save changes"
        busy={form.submitting}
        errors={form.errors}
        onSubmit={(event) => {
          // "Changes saved." speaks of the last attempt, so it goes as soon as another begins.
          setSaved(false);
          form.onSubmit(event);
        }}
      />
      <p role="status" className="text-sm text-emerald-800">
        {saved && 'Changes saved.'}
      </p>
    </div>
  );
}

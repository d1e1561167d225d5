import type { Show } from '@holdfast/contracts';
import { useState } from 'react';
import type { FieldErrors } from '@/lib/form-errors';
import { useUpdateShow } from '../api/admin-api';
import { parseShowChanges, valuesOf } from '../hooks/show-form-values';
import { serverShowErrors } from '../hooks/server-field-errors';
import { ShowForm } from './show-form';

export function EditShow({ show }: { show: Show }) {
  const update = useUpdateShow(show.id);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  return (
    <div className="flex flex-col gap-3">
      <ShowForm
        label="Edit show"
        initial={valuesOf(show)}
        submitLabel="Save changes"
        busy={update.isPending}
        errors={errors}
        onSubmit={(values) => {
          setSaved(false);
          const parsed = parseShowChanges(show, values);
          if (!parsed.ok) return setErrors(parsed.errors);
          setErrors({});
          update.mutate(parsed.request, {
            onSuccess: () => setSaved(true),
            onError: (error) => setErrors(serverShowErrors(error)),
          });
        }}
      />
      <p role="status" className="text-sm text-emerald-800">
        {saved && 'Changes saved.'}
      </p>
    </div>
  );
}

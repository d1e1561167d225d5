import { useState } from 'react';
import { Card } from '@/components/ui/card';
import type { FieldErrors } from '@/lib/form-errors';
import { useCreateShow } from '../api/admin-api';
import { parseNewShow } from '../hooks/show-form-values';
import { serverShowErrors } from '../hooks/server-field-errors';
import { ShowForm } from './show-form';

const empty = { name: '', startTime: '', totalSlots: '' };

export function CreateShow() {
  const create = useCreateShow();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<{ name: string; formKey: number } | null>(null);

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">New show</h2>
      <ShowForm
        key={created?.formKey ?? 0}
        label="New show"
        initial={empty}
        submitLabel="Create show"
        busy={create.isPending}
        errors={errors}
        onSubmit={(values) => {
          const parsed = parseNewShow(values);
          if (!parsed.ok) return setErrors(parsed.errors);
          setErrors({});
          create.mutate(parsed.request, {
            onSuccess: (show) => setCreated((c) => ({ name: show.name, formKey: (c?.formKey ?? 0) + 1 })),
            onError: (error) => setErrors(serverShowErrors(error)),
          });
        }}
      />
      <p role="status" className="text-sm text-emerald-800">
        {created && `Created “${created.name}”.`}
      </p>
    </Card>
  );
}

import { createShowRequestSchema } from '@holdfast/contracts';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { useContractForm } from '@/lib/use-contract-form';
import { useCreateShow } from '../api/create-show';
import { serverShowErrors } from '../utils/server-show-errors';
import { explainInvalidShow, readNewShow } from '../utils/show-form-values';
import { ShowForm } from './show-form';

const empty = { name: '', startTime: '', totalSlots: '', location: '' };

export function CreateShow() {
  const create = useCreateShow();
  // A new formKey remounts the form, which empties it for the next show.
  const [created, setCreated] = useState<{ name: string; formKey: number } | null>(null);
  const form = useContractForm({
    schema: createShowRequestSchema,
    read: readNewShow,
    submit: async (request) => {
      const show = await create.mutateAsync(request);
      setCreated((c) => ({ name: show.name, formKey: (c?.formKey ?? 0) + 1 }));
    },
    refused: serverShowErrors,
    explainInvalid: explainInvalidShow,
  });

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">New show</h2>
      <ShowForm
        key={created?.formKey ?? 0}
        label="New show"
        initial={empty}
        submitLabel="Create show"
        busy={form.submitting}
        errors={form.errors}
        onSubmit={form.onSubmit}
      />
      <p role="status" className="text-sm text-emerald-800">
        {created && `Created “${created.name}”.`}
      </p>
    </Card>
  );
}

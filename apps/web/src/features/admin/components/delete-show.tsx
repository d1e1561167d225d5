import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { useDeleteShow } from '../api/delete-show';

function explainDeleteError(error: unknown): string {
  if (hasCode(error, 'SHOW_HAS_BOOKINGS')) {
    const active = (error.details as { active?: number } | undefined)?.active;
    const bookings = `${active ?? 'some'} active booking${active === 1 ? '' : 's'}`;
    return `This show still has ${bookings} (held or confirmed), so it cannot be deleted.`;
  }
  return explainError(error);
}

export function DeleteShow({
  showName,
  showId,
  onDeleted,
}: {
  showName: string;
  showId: number;
  onDeleted: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteShow(showId);
  return (
    <div className="flex flex-col items-start gap-2">
      {remove.isError && (
        <p role="alert" className="text-sm text-rose-700">
          {explainDeleteError(remove.error)}
        </p>
      )}
      {asking ? (
        <div role="group" aria-label={`Delete ${showName}?`} className="flex flex-wrap items-center gap-2">
          <span className="text-sm">Delete “{showName}” for good?</span>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(undefined, { onSuccess: onDeleted })}
          >
            {remove.isPending ? 'Deleting…' : 'Yes, delete'}
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              setAsking(false);
              remove.reset();
            }}
          >
            Keep show
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          Delete show
        </Button>
      )}
    </div>
  );
}

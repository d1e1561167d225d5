import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { explainError } from '@/lib/explain-error';
import { downloadCalendar } from '../api/download-calendar';

export function CalendarButton({ booking }: { booking: { id: number; reference: string } }) {
  const [state, setState] = useState<{ busy: boolean; problem?: string }>({ busy: false });
  const save = async () => {
    setState({ busy: true });
    try {
      await downloadCalendar(booking);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, problem: explainError(error) });
    }
  };
  return (
    <div className="flex flex-col items-start gap-1">
      <Button onClick={() => void save()} disabled={state.busy}>
        {state.busy ? 'Preparing…' : 'Add to calendar'}
      </Button>
      {state.problem && (
        <p role="alert" className="text-sm text-rose-700">
          {state.problem}
        </p>
      )}
    </div>
  );
}

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CreateSeries } from './create-series';
import { SeriesList } from './series-list';

/** Series on the dashboard: folded away until asked for, since most visits create or edit single shows. */
export function SeriesPanel() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="flex flex-col gap-3">
      <Button
        variant="secondary"
        className="self-start"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide series' : 'Series: shows from a weekly rule'}
      </Button>
      {open && (
        <div id={panelId} className="flex flex-col gap-5">
          <CreateSeries />
          <SeriesList />
        </div>
      )}
    </div>
  );
}

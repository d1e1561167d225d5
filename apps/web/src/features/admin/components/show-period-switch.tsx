import { Button } from '@/components/ui/button';

export type ShowPeriod = 'upcoming' | 'past';

const labels: Record<ShowPeriod, string> = { upcoming: 'Upcoming', past: 'Past' };

/** Two toggle buttons: which shows the dashboard lists. */
export function ShowPeriodSwitch({ period, onChange }: { period: ShowPeriod; onChange: (next: ShowPeriod) => void }) {
  return (
    <div role="group" aria-label="Which shows" className="flex gap-1 rounded-xl bg-white/60 p-1">
      {(Object.keys(labels) as ShowPeriod[]).map((option) => (
        <Button
          key={option}
          variant={option === period ? 'secondary' : 'ghost'}
          aria-pressed={option === period}
          onClick={() => onChange(option)}
        >
          {labels[option]}
        </Button>
      ))}
    </div>
  );
}

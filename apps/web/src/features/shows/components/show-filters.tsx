import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ShowFilter } from '../utils/filter-shows';

type ShowFiltersProps = { filter: ShowFilter; onChange: (filter: ShowFilter) => void };

export function ShowFilters({ filter, onChange }: ShowFiltersProps) {
  const active = filter.search !== '' || filter.date !== '';
  return (
    <div role="search" className="glass flex flex-col gap-3 rounded-2xl p-4 sm:flex-row sm:items-end">
      <Field
        className="flex-1"
        label="Search shows"
        type="search"
        value={filter.search}
        onChange={(event) => onChange({ ...filter, search: event.target.value })}
      />
      <Field
        label="Date"
        type="date"
        value={filter.date}
        onChange={(event) => onChange({ ...filter, date: event.target.value })}
      />
      {active && (
        <Button variant="ghost" onClick={() => onChange({ search: '', date: '' })}>
          Clear filters
        </Button>
      )}
    </div>
  );
}

import { cn } from '@/components/ui/cn';
import { useCountFlash } from '../hooks/use-count-flash';

/**
 * "7 of 40 places left". Digits are tabular and the number box has a fixed width, so a count changing
 * from 10 to 9 never shifts the layout; a change flashes so the eye catches it.
 */
export function LiveCount({ available, total }: { available: number; total: number }) {
  const flash = useCountFlash(available);
  const width = `${String(total).length + 0.5}ch`;
  return (
    <p className="text-sm tabular-nums">
      <span
        key={flash ? `${available}-flash` : available}
        data-flash={flash ?? undefined}
        style={{ minWidth: width }}
        className={cn('inline-block rounded px-0.5 text-right text-base font-semibold', flash && 'flash')}
      >
        {available}
      </span>{' '}
      of {total} {total === 1 ? 'place' : 'places'} left
    </p>
  );
}

import type { Show } from '@holdfast/contracts';
import { useEffect, useRef, useState } from 'react';
import { formatPlaces } from '@/lib/format';

/** A sentence for screen readers whenever a live count changes, e.g. "Night bus 42: 3 places left". */
export function useAvailabilityAnnouncement(shows: Show[] | undefined): string {
  const previous = useRef<Map<number, number> | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!shows) return;
    const before = previous.current;
    previous.current = new Map(shows.map((show) => [show.id, show.availableSlots]));
    if (!before) return;
    const changed = shows.filter((show) => before.has(show.id) && before.get(show.id) !== show.availableSlots);
    if (changed.length === 0) return;
    setMessage(
      changed
        .map(
          (show) =>
            `${show.name}: ${show.availableSlots > 0 ? `${formatPlaces(show.availableSlots)} left` : 'sold out'}`,
        )
        .join('. '),
    );
  }, [shows]);

  return message;
}

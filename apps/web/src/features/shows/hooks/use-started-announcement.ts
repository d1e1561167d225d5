import type { Show } from '@holdfast/contracts';
import { useEffect, useRef, useState } from 'react';
import { showState } from '../model/show-state';

/** A sentence for screen readers when shows on screen start while it is open: their cards stop offering Book. */
export function useStartedAnnouncement(shows: Show[], now: number): string {
  const seenStarted = useRef<Set<number> | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    const started = shows.filter((show) => showState(show, now) === 'started');
    const before = seenStarted.current;
    seenStarted.current = new Set(started.map((show) => show.id));
    // Shows that had started when the list loaded are not news.
    if (!before) return;
    const names = started.filter((show) => !before.has(show.id)).map((show) => show.name);
    if (names.length > 0) setMessage(`${names.join(', ')}: started, booking has closed`);
  }, [shows, now]);

  return message;
}

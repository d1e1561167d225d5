const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** A show's time in the viewer's own time zone. */
export const formatShowTime = (iso: string) => dateTime.format(new Date(iso));

/** `yyyy-mm-dd` of an instant in the viewer's zone, to compare with <input type="date">. */
export function localDateKey(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `m:ss` for a countdown; never negative. */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  return `${minutes}:${String(totalSeconds % 60).padStart(2, '0')}`;
}

/** A slot count as people read it: the app says "places", the contract and the code say slots. */
export const formatPlaces = (n: number) => `${n} ${n === 1 ? 'place' : 'places'}`;

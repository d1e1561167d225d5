import { createShow, getShowPage } from '../modules/shows/index.js';
import type { Transactional } from '../platform/db.js';
import type { DomainEvents } from '../platform/events.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Demo shows for `npm start`, only into an empty database, at times relative to now so they stay bookable. */
export async function seedDemoShows(deps: {
  db: Transactional;
  events: DomainEvents;
  defaultTimeZone: string;
}): Promise<number> {
  // Any show at all, past ones included (from the epoch): the database is not empty.
  const anyShow = await getShowPage(deps, { from: new Date(0).toISOString(), order: 'asc', limit: 1 });
  if (anyShow.shows.length > 0) return 0;
  const at = (days: number, hour: number) => {
    const date = new Date(Date.now() + days * DAY_MS);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const demo = [
    { name: 'Dr. Osei: general practice session', startTime: at(1, 9), totalSlots: 12 },
    { name: 'Night bus 42: Harbour to Old Town', startTime: at(1, 22), totalSlots: 40 },
    { name: 'Screening: Metropolis (1927), restored', startTime: at(2, 19), totalSlots: 80 },
    { name: 'Flu vaccination clinic', startTime: at(3, 8), totalSlots: 30 },
    { name: 'Coastal ferry: morning crossing', startTime: at(5, 7), totalSlots: 6 },
  ];
  for (const show of demo) await createShow(deps, show, { kind: 'system' });
  return demo.length;
}

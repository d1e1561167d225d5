import type { CreateSeriesRequest, Series, Show } from '@holdfast/contracts';
import { actAs, type Actor } from '../../platform/actor.js';
import type { Transactional } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { insertSeriesShows } from '../shows/index.js';
import { seriesInPast } from './series.errors.js';
import { insertSeries } from './series.repository.js';

/** Every show must start in the future, as POST /shows asks of one; the first that does not is named. */
function refusePast(shows: Show[]) {
  const first = shows[0];
  if (first && Date.parse(first.startTime) <= Date.now()) throw seriesInPast(first.startTime);
}

/**
 * Creates a series and all its shows in one transaction (or, with dryRun, computes the same shows and stores
 * nothing). The instants come from PostgreSQL's zone database (ADR 0017), the same rule for preview and creation.
 */
export async function createSeries(
  deps: { db: Transactional; events: DomainEvents },
  request: CreateSeriesRequest,
  actor: Actor,
): Promise<{ series: Series; created: boolean }> {
  const { dryRun, ...rule } = request;
  if (dryRun) {
    const shows = await insertSeriesShows(deps.db, rule, rule.totalSlots, null);
    refusePast(shows);
    const sorted = { weekdays: [...rule.weekdays].sort(), times: [...rule.times].sort() };
    return { series: { id: null, createdAt: null, ...rule, ...sorted, shows }, created: false };
  }
  const series = await deps.db.withTransaction(async (tx) => {
    await actAs(tx, actor);
    const stored = await insertSeries(tx, rule);
    const shows = await insertSeriesShows(tx, rule, rule.totalSlots, stored.id);
    refusePast(shows);
    return { ...stored, shows };
  });
  deps.events.availabilityChanged({ showIds: series.shows.map((show) => show.id), added: true });
  return { series, created: true };
}

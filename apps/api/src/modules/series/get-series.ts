import { MAX_LISTED_SERIES, type Series, type SeriesSummary } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { findSeriesShows } from '../shows/index.js';
import { seriesNotFound } from './series.errors.js';
import { findSeries, listSeries } from './series.repository.js';

export async function getSeries(deps: { db: Queryable }, id: number): Promise<Series> {
  const series = await findSeries(deps.db, id);
  if (!series) throw seriesNotFound();
  return { ...series, shows: await findSeriesShows(deps.db, id) };
}

export const getSeriesList = (deps: { db: Queryable }): Promise<SeriesSummary[]> =>
  listSeries(deps.db, MAX_LISTED_SERIES);

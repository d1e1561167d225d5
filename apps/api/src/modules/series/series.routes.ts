import { endpoints } from '@holdfast/contracts';
import { actorOf } from '../../platform/actor.js';
import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Mount } from '../../platform/routing.js';
import { parsePathId } from '../../platform/validate.js';
import { createSeries } from './create-series.js';
import { deleteSeries } from './delete-series.js';
import { getSeries, getSeriesList } from './get-series.js';
import { seriesNotFound } from './series.errors.js';

const parseSeriesId = (params: Record<string, string>) => parsePathId(params.id, seriesNotFound);

export function mountSeriesRoutes(mount: Mount, deps: { db: Db; events: DomainEvents }) {
  mount(endpoints.createSeries, async ({ body, auth, useAlternativeStatus }) => {
    const { series, created } = await createSeries(deps, body, actorOf(auth));
    if (!created) useAlternativeStatus();
    return series;
  });
  mount(endpoints.listSeries, () => getSeriesList(deps));
  mount(endpoints.getSeries, ({ params }) => getSeries(deps, parseSeriesId(params)));
  mount(endpoints.deleteSeries, ({ params, query, auth }) =>
    deleteSeries(deps, { id: parseSeriesId(params), cancelBookings: query.cancelBookings }, actorOf(auth)),
  );
}

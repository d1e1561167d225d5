// The series module's public face: recurring shows made from one rule (ADR 0017).
export { deleteSeries } from './delete-series.js';
export { mountSeriesRoutes } from './series.routes.js';

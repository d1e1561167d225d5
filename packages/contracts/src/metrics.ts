import { z } from 'zod';

/** The exposition of one API instance is a few hundred lines; the bound is far above it, for the lint's sake. */
export const MAX_METRICS_TEXT_LENGTH = 4 * 1024 * 1024;

export const metricsTextSchema = z.string().max(MAX_METRICS_TEXT_LENGTH).meta({
  id: 'MetricsText',
  description: 'Prometheus text exposition format 0.0.4 (docs/operations.md lists the metrics and what to alert on)',
});

import { healthResponseSchema, livenessResponseSchema } from '../health.js';
import { metricsTextSchema } from '../metrics.js';
import { endpoint } from './endpoint.js';

/** For load balancers and monitoring, not people. */
export const systemEndpoints = {
  health: endpoint({
    method: 'get',
    path: '/health',
    tag: 'System',
    access: 'public',
    summary: 'Readiness: whether the database answers (and the replica, with its lag); always within 1 s',
    status: 200,
    response: healthResponseSchema,
    errors: {},
  }),
  liveness: endpoint({
    method: 'get',
    path: '/health/live',
    tag: 'System',
    access: 'public',
    summary: 'Liveness: the process is up and serving, whatever the database is doing',
    status: 200,
    response: livenessResponseSchema,
    errors: {},
    offline: true,
  }),
  metrics: endpoint({
    method: 'get',
    path: '/metrics',
    tag: 'System',
    access: 'operator',
    summary: 'Prometheus metrics of the instance that answers: bookings, latency per route, pool, sockets, lag',
    status: 200,
    response: metricsTextSchema,
    errors: {},
    offline: true,
    produces: 'text/plain',
  }),
};

export * from './common.js';
export * from './idempotency.js';
export * from './auth.js';
export * from './shows.js';
export * from './bookings.js';
export * from './health.js';
export * from './events.js';
export * from './endpoints.js';

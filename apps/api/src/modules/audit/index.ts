// The audit module's public face: the trail itself is written by the database's triggers (migration 11).
export { mountAuditRoutes } from './audit.routes.js';

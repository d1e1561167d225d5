// The reports module's public face: read-only views across shows and bookings (admin).
export { mountReportRoutes } from './reports.routes.js';

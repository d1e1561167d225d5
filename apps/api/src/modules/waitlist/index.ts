// The waitlist module's public face. Entries change only through the SQL functions its repository calls.
export { mountWaitlistRoutes } from './waitlist.routes.js';
export { serveWaitlist } from './waitlist.repository.js';

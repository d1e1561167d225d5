import { endpoints } from '@holdfast/contracts';
import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Mount } from '../../platform/routing.js';
import { parseShowId } from '../shows/index.js';
import { getMyWaitlistEntries } from './get-my-waitlist-entries.js';
import { joinWaitlist } from './join-waitlist.js';
import { leaveWaitlist } from './leave-waitlist.js';

export function mountWaitlistRoutes(mount: Mount, deps: { db: Db; events: DomainEvents }) {
  mount(endpoints.joinWaitlist, ({ params, body, auth }) =>
    joinWaitlist(deps, { showId: parseShowId(params), userId: auth.userId, quantity: body.quantity }),
  );
  mount(endpoints.leaveWaitlist, ({ params, auth }) =>
    leaveWaitlist(deps, { showId: parseShowId(params), userId: auth.userId }),
  );
  mount(endpoints.myWaitlistEntries, ({ auth }) => getMyWaitlistEntries(deps, auth.userId));
}

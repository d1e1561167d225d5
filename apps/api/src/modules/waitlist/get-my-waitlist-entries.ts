import type { MyWaitlistEntry } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { listUserEntries } from './waitlist.repository.js';

/** The user's waitlist entries, newest first, with their positions and any open offer. */
export async function getMyWaitlistEntries(deps: { db: Queryable }, userId: number): Promise<MyWaitlistEntry[]> {
  return listUserEntries(deps.db, userId);
}

import type { CreateShowRequest, Show } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { insertShow } from './shows.repository.js';

export async function createShow(
  deps: { db: Queryable; events: DomainEvents; defaultTimeZone: string },
  input: CreateShowRequest,
): Promise<Show> {
  const show = await insertShow(deps.db, { ...input, timeZone: input.timeZone ?? deps.defaultTimeZone });
  deps.events.availabilityChanged({ showIds: [show.id], added: true });
  return show;
}

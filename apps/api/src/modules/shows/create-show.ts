import type { CreateShowRequest, Show } from '@holdfast/contracts';
import { actAs, type Actor } from '../../platform/actor.js';
import type { Transactional } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { insertShow } from './shows.repository.js';

export async function createShow(
  deps: { db: Transactional; events: DomainEvents; defaultTimeZone: string },
  input: CreateShowRequest,
  actor: Actor,
): Promise<Show> {
  // One transaction, so that the audit trail's SHOW_CREATED names who created it.
  const show = await deps.db.withTransaction(async (tx) => {
    await actAs(tx, actor);
    return insertShow(tx, { ...input, timeZone: input.timeZone ?? deps.defaultTimeZone });
  });
  deps.events.availabilityChanged({ showIds: [show.id], added: true });
  return show;
}

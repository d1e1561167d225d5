import type { AuthUser } from './auth-user.js';
import type { Queryable } from './db.js';

/** Who a change is made by, as the audit trail records it (booking_events, migration 1700000000011). */
export type Actor = { kind: 'user' | 'admin'; id: number } | { kind: 'system' };

export const actorOf = (auth: AuthUser): Actor => ({ kind: auth.role === 'admin' ? 'admin' : 'user', id: auth.userId });

/**
 * Names who acts for the rest of the transaction (set_config's `true`: it ends with it). The audit triggers read
 * it; without it they fall back to the booking's user (a hold, a confirm, a cancel) or the system (an expiry).
 */
export async function actAs(tx: Queryable, actor: Actor): Promise<void> {
  const value = actor.kind === 'system' ? 'system' : `${actor.kind}:${actor.id}`;
  await tx.query(`SELECT set_config('holdfast.actor', $1, true)`, [value]);
}

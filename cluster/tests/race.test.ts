import { describe, expect, it } from 'vitest';
import { book, seedShow, seedUsers, upstreamsOf, useCluster, withNginx } from '../support/cluster.js';

describe.runIf(withNginx)('bookings through nginx over three instances', () => {
  const cluster = useCluster(3);

  it('when 60 people race for the last 10 places on every instance at once, then exactly 10 are held', async () => {
    const showId = await seedShow(cluster(), 10);
    const tokens = await seedUsers(cluster(), 60);

    const responses = await Promise.all(tokens.map((token) => book(cluster(), token, showId)));
    const bodies = await Promise.all(responses.map((response) => response.json() as Promise<unknown>));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    const refusals = bodies.filter((_, index) => statuses[index] !== 201);
    expect(refusals).toEqual(Array(50).fill({ error: expect.objectContaining({ code: 'SOLD_OUT' }) }));
    const { rows } = await cluster().db.query<{ held: number; available: number }>(
      `SELECT (SELECT sum(quantity)::int FROM bookings WHERE show_id = $1 AND status = 'PENDING') AS held,
              (SELECT available_slots FROM shows WHERE id = $1) AS available`,
      [showId],
    );
    expect(rows[0]).toEqual({ held: 10, available: 0 });
    // The race really ran on every instance, not on whichever one nginx happened to prefer.
    const served = upstreamsOf(cluster(), /^POST \/api\/bookings /);
    expect(new Set(served).size).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { book, seedShow, seedUsers, useCluster, withNginx } from '../support/cluster.js';

const HOLD_SECONDS = 2;

describe.runIf(withNginx)('hold expiry with three sweepers behind nginx', () => {
  // Every instance sweeps every second, so all three compete for each lapsed hold.
  const cluster = useCluster(3, { BOOKING_HOLD_SECONDS: String(HOLD_SECONDS), EXPIRY_SWEEP_CRON: '* * * * * *' });

  const availableSlots = async (showId: number) => {
    const response = await fetch(`${cluster().apiUrl}/shows/${showId}`);
    return ((await response.json()) as { availableSlots: number }).availableSlots;
  };

  it('when a hold lapses, then its places come back exactly once', async () => {
    const showId = await seedShow(cluster(), 4);
    const [holder, ...latecomers] = await seedUsers(cluster(), 4);
    expect((await book(cluster(), holder!, showId, 4)).status).toBe(201);
    expect(await availableSlots(showId)).toBe(0);

    await expect.poll(() => availableSlots(showId), { timeout: 10_000, interval: 200 }).toBe(4);
    // Let every sweeper run at least once more on the lapsed hold.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const { rows } = await cluster().db.query<{ status: string; available: number }>(
      `SELECT b.status, s.available_slots AS available FROM bookings b JOIN shows s ON s.id = b.show_id
       WHERE b.show_id = $1`,
      [showId],
    );
    expect(rows).toEqual([{ status: 'EXPIRED', available: 4 }]);

    // Four places came back, not eight: of three people asking for all four at once, one gets them.
    const statuses = await Promise.all(latecomers.map((token) => book(cluster(), token, showId, 4)));
    expect(statuses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
  });
});

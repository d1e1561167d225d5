import type { MyWaitlistEntry, WaitlistEntry, WaitlistOffer } from '@holdfast/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createShow, createUser, holdSlots, lapseHold, storedCounts } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const join = (token: string, showId: number, quantity: number) =>
  app.http.post(`/shows/${showId}/waitlist`).set(bearer(token)).send({ quantity });
const leave = (token: string, showId: number) => app.http.delete(`/shows/${showId}/waitlist`).set(bearer(token));
const myEntries = async (token: string) =>
  (await app.http.get('/waitlist/my-entries').set(bearer(token)).expect(200)).body as MyWaitlistEntry[];
const cancel = (token: string, bookingId: number) => app.http.post(`/bookings/${bookingId}/cancel`).set(bearer(token));

/** A show of `total` places, all held by one user; answers that user's token and hold. */
async function soldOutShow(total: number) {
  const show = await createShow(app, { totalSlots: total });
  const owner = await createUser(app);
  const hold = await holdSlots(app, owner.token, show.id, total);
  return { show, owner, hold };
}

/** Users who joined the show's waitlist in this order, each for its quantity. */
async function waiters(showId: number, quantities: number[]) {
  const joined: { token: string; userId: number; entry: WaitlistEntry }[] = [];
  for (const quantity of quantities) {
    const { user, token } = await createUser(app);
    const response = await join(token, showId, quantity);
    expect(response.status).toBe(201);
    joined.push({ token, userId: user.id, entry: response.body as WaitlistEntry });
  }
  return joined;
}

async function entryStatuses(showId: number) {
  const { rows } = await app.db.query<{ user_id: number; status: string; booking_id: number | null }>(
    'SELECT user_id, status, booking_id FROM waitlist_entries WHERE show_id = $1 ORDER BY created_at, id',
    [showId],
  );
  return rows;
}

describe('joining and leaving', () => {
  it('when a sold-out show is joined, then 201 answers a WAITING entry with its position', async () => {
    const { show } = await soldOutShow(2);
    const [first, second] = await waiters(show.id, [1, 2]);
    expect(first!.entry).toMatchObject({ showId: show.id, quantity: 1, position: 1, status: 'WAITING' });
    expect(second!.entry).toMatchObject({ quantity: 2, position: 2, status: 'WAITING', bookingId: null });
    expect(await myEntries(second!.token)).toEqual([
      expect.objectContaining({ id: second!.entry.id, position: 2, showName: show.name }),
    ]);
  });

  it("when a user lists their entries, then each carries its show's name, start time and IANA zone", async () => {
    const show = await createShow(app, { totalSlots: 1, timeZone: 'Asia/Tokyo' });
    await holdSlots(app, (await createUser(app)).token, show.id, 1);
    const [waiter] = await waiters(show.id, [1]);
    const [entry] = await myEntries(waiter!.token);
    expect(entry).toMatchObject({ showName: show.name, showStartTime: show.startTime, showTimeZone: 'Asia/Tokyo' });
    const documented = (await app.http.get('/api-docs.json').expect(200)).body.components.schemas.MyWaitlistEntry;
    expect(documented.required).toContain('showTimeZone');
  });

  it('when the places fit now, then 409 PLACES_AVAILABLE and nothing is stored', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    await holdSlots(app, (await createUser(app)).token, show.id, 3);
    const { token } = await createUser(app);
    const response = await join(token, show.id, 2);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'PLACES_AVAILABLE', details: { availableSlots: 2 } });
    expect(await join(token, show.id, 3).then((r) => r.status)).toBe(201);
    expect(await entryStatuses(show.id)).toHaveLength(1);
  });

  it('when a user joins twice, an unknown show, a started show or a bad quantity, then a clear 4xx', async () => {
    const { show } = await soldOutShow(1);
    const started = await createShow(app, { totalSlots: 1, startsInMinutes: -5 });
    const [waiter] = await waiters(show.id, [1]);
    const again = await join(waiter!.token, show.id, 1);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_WAITING', details: { entryId: waiter!.entry.id } });
    expect((await join(waiter!.token, 2_000_000_000, 1)).body.error.code).toBe('SHOW_NOT_FOUND');
    expect((await join(waiter!.token, started.id, 1)).body.error.code).toBe('SHOW_STARTED');
    expect((await join(waiter!.token, show.id, 11)).status).toBe(400);
    expect((await app.http.post(`/shows/${show.id}/waitlist`).send({ quantity: 1 })).status).toBe(401);
  });

  it('when a waiter leaves, then the entry is LEFT, those behind move up, and leaving again is 404', async () => {
    const { show } = await soldOutShow(1);
    const [first, second] = await waiters(show.id, [1, 1]);
    const left = await leave(first!.token, show.id);
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ id: first!.entry.id, status: 'LEFT', position: null });
    expect((await myEntries(second!.token))[0]).toMatchObject({ position: 1 });
    const again = await leave(first!.token, show.id);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_WAITING');
  });
});

describe('offers', () => {
  it('when places are cancelled or an offer declined, then the freed places are offered in order', async () => {
    const { show, owner, hold } = await soldOutShow(3);
    const [big, small, other, last] = await waiters(show.id, [3, 1, 2, 1]);
    await cancel(owner.token, hold.id).expect(200);
    // All three places were freed: the first entry (3) fits and takes them all.
    expect((await entryStatuses(show.id)).map((e) => e.status)).toEqual(['OFFERED', 'WAITING', 'WAITING', 'WAITING']);
    const offer = (await myEntries(big!.token))[0]!;
    expect(offer).toMatchObject({ status: 'OFFERED', bookingId: expect.any(Number), expiresAt: expect.any(String) });
    // The offer is declined: 3 places again, for the 1 and then the 2 (2 left: fits); the last 1 waits on.
    await cancel(big!.token, offer.bookingId!).expect(200);
    expect((await entryStatuses(show.id)).map((e) => e.status)).toEqual(['DECLINED', 'OFFERED', 'OFFERED', 'WAITING']);
    expect((await myEntries(last!.token))[0]).toMatchObject({ status: 'WAITING', position: 3 });
    for (const waiter of [small!, other!]) expect((await myEntries(waiter.token))[0]!.status).toBe('OFFERED');
    expect(await storedCounts(app, show.id)).toMatchObject({ total: 3, available: 0, held: 3 });
  });

  it('when a freed place is too few for the first in line, then a later entry that fits gets it', async () => {
    const show = await createShow(app, { totalSlots: 3 });
    const [a, b] = [await createUser(app), await createUser(app)];
    const holdA = await holdSlots(app, a.token, show.id, 1);
    await holdSlots(app, b.token, show.id, 2);
    const [pair, single] = await waiters(show.id, [2, 1]);
    await cancel(a.token, holdA.id).expect(200);
    expect((await myEntries(pair!.token))[0]).toMatchObject({ status: 'WAITING', position: 1 });
    expect((await myEntries(single!.token))[0]).toMatchObject({ status: 'OFFERED', quantity: 1 });
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 0, held: 3 });
  });

  it('when the offered user confirms, then the booking is CONFIRMED and the entry ACCEPTED', async () => {
    const { show, owner, hold } = await soldOutShow(1);
    const [waiter] = await waiters(show.id, [1]);
    await cancel(owner.token, hold.id).expect(200);
    const offer = (await myEntries(waiter!.token))[0]!;
    const confirmed = await app.http
      .post('/bookings/confirm')
      .set(bearer(waiter!.token))
      .send({ bookingId: offer.bookingId });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'CONFIRMED', quantity: 1, showId: show.id });
    expect((await myEntries(waiter!.token))[0]).toMatchObject({ status: 'ACCEPTED', position: null });
  });

  it('when an offer lapses, then it passes to the next in line, and the places never look free', async () => {
    const { show, owner, hold } = await soldOutShow(2);
    const [first, second] = await waiters(show.id, [2, 2]);
    await cancel(owner.token, hold.id).expect(200);
    const offer = (await myEntries(first!.token))[0]!;
    await lapseHold(app, offer.bookingId!);
    // Before anything reclaims it, the lapsed offer's places are not free to others: someone waits for them.
    expect((await app.http.get(`/shows/${show.id}`).expect(200)).body.availableSlots).toBe(0);
    expect((await myEntries(first!.token))[0]!.status).toBe('LAPSED');
    const intruder = await app.http
      .post('/bookings')
      .set(bearer((await createUser(app)).token))
      .send({ showId: show.id, quantity: 1 });
    expect(intruder.status).toBe(409);
    // The refusal rolled its transaction back (lock_show's reclaim with it); the sweep passes the offer on.
    await app.db.query('SELECT * FROM reclaim_lapsed_holds($1::int[])', [[show.id]]);
    expect((await myEntries(second!.token))[0]).toMatchObject({ status: 'OFFERED', quantity: 2 });
    expect((await entryStatuses(show.id)).map((e) => e.status)).toEqual(['LAPSED', 'OFFERED']);
  });

  it('when the sweeper reclaims a lapsed offer, then the next in line is offered', async () => {
    const { show, owner, hold } = await soldOutShow(1);
    const [first, second] = await waiters(show.id, [1, 1]);
    await cancel(owner.token, hold.id).expect(200);
    await lapseHold(app, (await myEntries(first!.token))[0]!.bookingId!);
    await app.db.query('SELECT * FROM reclaim_lapsed_holds($1::int[])', [[show.id]]);
    expect((await myEntries(second!.token))[0]!.status).toBe('OFFERED');
  });

  it('when an offered user leaves, then the offer is cancelled and passes on', async () => {
    const { show, owner, hold } = await soldOutShow(1);
    const [first, second] = await waiters(show.id, [1, 1]);
    await cancel(owner.token, hold.id).expect(200);
    const { bookingId } = (await myEntries(first!.token))[0]!;
    expect((await leave(first!.token, show.id)).body).toMatchObject({ status: 'LEFT', bookingId });
    const booking = await app.http.get(`/bookings/${bookingId}`).set(bearer(first!.token)).expect(200);
    expect(booking.body.status).toBe('CANCELLED');
    expect((await myEntries(second!.token))[0]!.status).toBe('OFFERED');
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 0, held: 1 });
  });

  it('when an admin adds places, then the waitlist is offered them first', async () => {
    const { show } = await soldOutShow(2);
    const [first, second] = await waiters(show.id, [2, 1]);
    const admin = await createUser(app, { role: 'admin' });
    const resized = await app.http.patch(`/shows/${show.id}`).set(bearer(admin.token)).send({ totalSlots: 5 });
    expect(resized.status).toBe(200);
    expect(resized.body).toMatchObject({ totalSlots: 5, availableSlots: 0 });
    for (const waiter of [first!, second!]) expect((await myEntries(waiter.token))[0]!.status).toBe('OFFERED');
  });

  it('when the offered user already holds places, then the offer is made anyway (no hold cap)', async () => {
    const show = await createShow(app, { totalSlots: 2 });
    const owner = await createUser(app);
    const hold = await holdSlots(app, owner.token, show.id, 1);
    const waiter = await createUser(app);
    await holdSlots(app, waiter.token, show.id, 1);
    expect((await join(waiter.token, show.id, 1)).status).toBe(201);
    await cancel(owner.token, hold.id).expect(200);
    expect((await myEntries(waiter.token))[0]!.status).toBe('OFFERED');
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 0, held: 2 });
  });
});

describe('concurrency', () => {
  it('when many cancel, join and book at once, then no show is ever oversold', async () => {
    const total = 10;
    const show = await createShow(app, { totalSlots: total });
    const holders = await Promise.all(Array.from({ length: total }, () => createUser(app)));
    const holds = await Promise.all(holders.map((h) => holdSlots(app, h.token, show.id, 1)));
    const joiners = await Promise.all(Array.from({ length: 20 }, () => createUser(app)));
    const bookers = await Promise.all(Array.from({ length: 10 }, () => createUser(app)));
    const responses = await Promise.all([
      ...holders.map((h, i) => cancel(h.token, holds[i]!.id)),
      ...joiners.map((j, i) => join(j.token, show.id, 1 + (i % 3))),
      ...bookers.map((b) => app.http.post('/bookings').set(bearer(b.token)).send({ showId: show.id, quantity: 1 })),
    ]);
    // 503 BUSY is the admission policy shedding load on a busy machine (ADR 0009): a refusal, never a loss.
    for (const response of responses) expect([200, 201, 409, 503]).toContain(response.status);
    const counts = await storedCounts(app, show.id);
    expect(counts.held + counts.available).toBe(total);
    expect(counts.held).toBeLessThanOrEqual(total);
    const { rows } = await app.db.query<{ offered: number; offered_slots: number; pending_of_offers: number }>(
      `SELECT count(*)::int AS offered, COALESCE(sum(w.quantity), 0)::int AS offered_slots,
              count(*) FILTER (WHERE b.status = 'PENDING')::int AS pending_of_offers
       FROM waitlist_entries w JOIN bookings b ON b.id = w.booking_id
       WHERE w.show_id = $1 AND w.status = 'OFFERED'`,
      [show.id],
    );
    expect(rows[0]!.pending_of_offers).toBe(rows[0]!.offered);
    // Every place freed went to the waitlist first: waiters that would fit the free places cannot remain.
    const waiting = await app.db.query<{ quantity: number }>(
      "SELECT quantity FROM waitlist_entries WHERE show_id = $1 AND status = 'WAITING'",
      [show.id],
    );
    for (const entry of waiting.rows) expect(entry.quantity).toBeGreaterThan(counts.available);
  });
});

describe('waitlistOffer on authenticated sockets', () => {
  const sockets: Socket[] = [];
  afterAll(() => sockets.forEach((socket) => socket.close()));

  async function connect(token?: string) {
    const socket = io(app.baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...(token === undefined ? {} : { auth: { token } }),
    });
    sockets.push(socket);
    const offers: WaitlistOffer[] = [];
    socket.on('waitlistOffer', (offer: WaitlistOffer) => offers.push(offer));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return offers;
  }

  it('when an offer is made, then only its user hears waitlistOffer, once per socket', async () => {
    const { show, owner, hold } = await soldOutShow(2);
    const [first, second] = await waiters(show.id, [2, 2]);
    const [mine, mineAgain, theirs, anonymous] = await Promise.all([
      connect(first!.token),
      connect(first!.token),
      connect(second!.token),
      connect(),
    ]);
    await cancel(owner.token, hold.id).expect(200);
    const offer = (await myEntries(first!.token))[0]!;
    const expected = { bookingId: offer.bookingId, showId: show.id, quantity: 2, expiresAt: offer.expiresAt };
    await expect.poll(() => mine.length + mineAgain.length).toBe(2);
    expect(mine).toEqual([expected]);
    expect(mineAgain).toEqual([expected]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(theirs).toEqual([]);
    expect(anonymous).toEqual([]);
  });

  it('when a socket sends a bad token, then the handshake is refused with TOKEN_INVALID', async () => {
    await expect(connect('not-a-token')).rejects.toThrow('TOKEN_INVALID');
  });

  it('when an offer is rolled back, then nobody hears of it', async () => {
    const { show, hold } = await soldOutShow(1);
    const [waiter] = await waiters(show.id, [1]);
    const offers = await connect(waiter!.token);
    await app.db
      .withTransaction(async (tx) => {
        await tx.query("UPDATE bookings SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1", [hold.id]);
        await tx.query('UPDATE shows SET available_slots = available_slots + 1 WHERE id = $1', [show.id]);
        await tx.query('SELECT serve_waitlist($1)', [show.id]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(offers).toEqual([]);
    expect((await entryStatuses(show.id))[0]!.status).toBe('WAITING');
  });
});

describe('an offer that really lapses (WAITLIST_OFFER_SECONDS=1)', () => {
  let quick: TestApp;
  beforeAll(async () => {
    quick = await startTestApp({ WAITLIST_OFFER_SECONDS: '1' });
  });
  afterAll(() => quick.close());

  it('when nobody confirms the offer in time, then it passes to the next, who hears waitlistOffer', async () => {
    const show = await createShow(quick, { totalSlots: 1 });
    const owner = await createUser(quick);
    const hold = await holdSlots(quick, owner.token, show.id, 1);
    const [first, second] = [await createUser(quick), await createUser(quick)];
    for (const waiter of [first, second]) {
      await quick.http.post(`/shows/${show.id}/waitlist`).set(bearer(waiter.token)).send({ quantity: 1 }).expect(201);
    }
    const socket = io(quick.baseUrl, { transports: ['websocket'], forceNew: true, auth: { token: second.token } });
    const offers: WaitlistOffer[] = [];
    socket.on('waitlistOffer', (offer: WaitlistOffer) => offers.push(offer));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    try {
      await quick.http.post(`/bookings/${hold.id}/cancel`).set(bearer(owner.token)).expect(200);
      // Nothing but the precise sweep, scheduled from the first offer's NOTIFY, moves it on after a second.
      await expect.poll(() => offers.length, { timeout: 5_000 }).toBe(1);
      expect(offers[0]).toMatchObject({ showId: show.id, quantity: 1 });
      const { rows } = await quick.db.query<{ status: string }>(
        'SELECT status FROM waitlist_entries WHERE show_id = $1 ORDER BY id',
        [show.id],
      );
      expect(rows.map((r) => r.status)).toEqual(['LAPSED', 'OFFERED']);
    } finally {
      socket.close();
    }
  });
});

import type { Series, Show } from '@holdfast/contracts';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmailSender, type EmailSender } from '../src/jobs/send-emails.job.js';
import { insertShow } from '../src/modules/shows/shows.repository.js';
import { createLogger } from '../src/platform/logger.js';
import { bearer, createUser, holdSlots, lapseHold } from './support/factories.js';
import { startMailCatcher, type MailCatcher } from './support/mail-catcher.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { until } from './support/until.js';

// People still waiting for a show that is deleted get one email each, queued by the delete's own transaction
// (migration 15's trigger), whichever path deletes it.
const START = '2031-03-15T18:30:00.000Z';
const LOCAL_TIME = 'Saturday, 15 March 2031 at 19:30 (Europe/Paris)';

let app: TestApp;
let catcher: MailCatcher;
let sender: EmailSender;
let admin: { id: number; token: string };

beforeAll(async () => {
  catcher = await startMailCatcher();
  app = await startTestApp({ PUBLIC_WEB_URL: 'https://book.example.test', MAIL_POLL_MS: '100' });
  sender = startEmailSender(
    {
      db: app.db,
      databaseUrl: app.databaseUrl,
      logger: createLogger('silent'),
      reporter: app.reporter,
      metrics: app.metrics,
    },
    { ...app.config.mail, smtpUrl: catcher.url },
  );
  const { user, token } = await createUser(app, { role: 'admin' });
  admin = { id: user.id, token };
});
afterAll(async () => {
  await sender.stop();
  await app.close();
  await catcher.close();
});
beforeEach(async () => {
  // The previous test's emails are out before this one counts.
  await until(
    () => app.db.query(`SELECT 1 FROM email_outbox WHERE status = 'QUEUED'`).then((r) => r.rowCount),
    (n) => n === 0,
  );
  catcher.messages.length = 0;
});

/** Long enough for the sender (nudged at COMMIT, polling every 100 ms) to have sent anything queued. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

const show = (name: string, totalSlots: number): Promise<Show> =>
  insertShow(app.db, { name, startTime: START, totalSlots, timeZone: 'Europe/Paris' });

async function join(showId: number, quantity: number) {
  const person = await createUser(app);
  const response = await app.http.post(`/shows/${showId}/waitlist`).set(bearer(person.token)).send({ quantity });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { ...person, entryId: (response.body as { id: number }).id };
}

/** Each recipient's emails, by subject. */
function inboxes(messages: ParsedMail[]) {
  const byRecipient = new Map<string, string[]>();
  for (const mail of messages) {
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined;
    byRecipient.set(to ?? '?', [...(byRecipient.get(to ?? '?') ?? []), mail.subject ?? '']);
  }
  return Object.fromEntries(byRecipient);
}

const queuedForEntries = async (entryIds: number[]) =>
  (
    await app.db.query<{ kind: string; waitlist_entry_id: number }>(
      'SELECT kind, waitlist_entry_id FROM email_outbox WHERE waitlist_entry_id = ANY($1) ORDER BY id',
      [entryIds],
    )
  ).rows;

describe('DELETE /shows/:id', () => {
  it('when two people wait, then each gets exactly one email naming the show and its local time', async () => {
    const clinic = await show('Physio <room 2>', 2);
    const holder = await createUser(app);
    const hold = await holdSlots(app, holder.token, clinic.id, 2);
    const [ada, grace] = [await join(clinic.id, 1), await join(clinic.id, 2)];
    // A lapsed hold no longer blocks the delete (nor, with no lock taken, is it offered on first).
    await lapseHold(app, hold.id);

    const deleted = await app.http.delete(`/shows/${clinic.id}`).set(bearer(admin.token));
    expect(deleted.status).toBe(204);

    await catcher.waitFor(2);
    await settle();
    const subject = `Waitlist closed: Physio <room 2>, ${LOCAL_TIME}`;
    expect(inboxes(catcher.messages)).toEqual({ [ada.user.email]: [subject], [grace.user.email]: [subject] });
    const toGrace = catcher.messages.find((mail) => mail.text?.includes('2 places'))!;
    expect(toGrace.text).toContain(
      `Physio <room 2> on ${LOCAL_TIME} was withdrawn by the organiser, so it no longer has a waitlist: the 2 ` +
        'places you were waiting for will not be offered.',
    );
    expect(toGrace.text).toContain('https://book.example.test/');
    expect(toGrace.html).toContain('Physio &lt;room 2&gt;');
    expect(await queuedForEntries([ada.entryId, grace.entryId])).toEqual([
      { kind: 'WAITLIST_SHOW_CANCELLED', waitlist_entry_id: ada.entryId },
      { kind: 'WAITLIST_SHOW_CANCELLED', waitlist_entry_id: grace.entryId },
    ]);

    // The trail tells each entry's end, by the admin who deleted, before the show's deletion.
    const { rows } = await app.db.query<{ kind: string; actor: string; user_id: number; details: object }>(
      `SELECT kind, actor_kind || COALESCE(':' || actor_id, '') AS actor, user_id, details FROM booking_events
       WHERE show_id = $1 AND kind IN ('WAITLIST_CANCELLED', 'SHOW_DELETED') ORDER BY id`,
      [clinic.id],
    );
    expect(rows.map(({ kind, actor, user_id }) => [kind, actor, user_id])).toEqual([
      ['WAITLIST_CANCELLED', `admin:${admin.id}`, ada.user.id],
      ['WAITLIST_CANCELLED', `admin:${admin.id}`, grace.user.id],
      ['SHOW_DELETED', `admin:${admin.id}`, null],
    ]);
    expect(rows[0]!.details).toEqual({ entryId: ada.entryId });
  });

  it('when the delete is refused (409, a live hold), then nothing is queued or sent and the entry waits', async () => {
    const clinic = await show('Refused clinic', 1);
    const holder = await createUser(app);
    await holdSlots(app, holder.token, clinic.id, 1);
    const waiter = await join(clinic.id, 1);

    const refused = await app.http.delete(`/shows/${clinic.id}`).set(bearer(admin.token));
    expect(refused.status).toBe(409);

    await settle();
    expect(catcher.messages).toEqual([]);
    expect(await queuedForEntries([waiter.entryId])).toEqual([]);
    const { rows } = await app.db.query('SELECT status FROM waitlist_entries WHERE id = $1', [waiter.entryId]);
    expect(rows).toEqual([{ status: 'WAITING' }]);
  });

  it('when the deleting transaction rolls back, then nothing is queued or sent', async () => {
    const clinic = await show('Rolled-back clinic', 1);
    const hold = await holdSlots(app, (await createUser(app)).token, clinic.id, 1);
    const waiter = await join(clinic.id, 1);
    await lapseHold(app, hold.id);

    await expect(
      app.db.withTransaction(async (tx) => {
        const { rowCount } = await tx.query('DELETE FROM shows WHERE id = $1', [clinic.id]);
        expect(rowCount).toBe(1);
        throw new Error('something after the delete failed');
      }),
    ).rejects.toThrow('something after the delete failed');

    await settle();
    expect(catcher.messages).toEqual([]);
    expect(await queuedForEntries([waiter.entryId])).toEqual([]);
    expect((await app.http.get(`/shows/${clinic.id}`)).status).toBe(200);
  });
});

describe('DELETE /series/:id', () => {
  async function createSeries(name: string, totalSlots: number): Promise<Series> {
    const created = await app.http
      .post('/series')
      .set(bearer(admin.token))
      .send({
        name,
        timeZone: 'Europe/Paris',
        startDate: '2031-03-15',
        endDate: '2031-03-15',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        times: ['19:30'],
        totalSlots,
      });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as Series;
  }

  it('when people wait and one holds an offer, then each gets one email, the offered one its cancel', async () => {
    const series = await createSeries('Evening clinic', 2);
    const showId = series.shows[0]!.id;
    const confirmedBy = await createUser(app);
    const confirmed = await holdSlots(app, confirmedBy.token, showId, 1);
    await app.http.post('/bookings/confirm').set(bearer(confirmedBy.token)).send({ bookingId: confirmed.id });
    const canceller = await createUser(app);
    const released = await holdSlots(app, canceller.token, showId, 1);
    const [offered, second, third] = [await join(showId, 1), await join(showId, 1), await join(showId, 2)];
    // The cancel offers its place to the first in line, who hears of it by email now.
    expect((await app.http.post(`/bookings/${released.id}/cancel`).set(bearer(canceller.token))).status).toBe(200);
    await catcher.waitFor(2);
    await settle();
    catcher.messages.length = 0;

    const deleted = await app.http.delete(`/series/${series.id}?cancelBookings=true`).set(bearer(admin.token));
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: [showId], kept: [] });

    await catcher.waitFor(4);
    await settle();
    expect(inboxes(catcher.messages)).toEqual({
      [confirmedBy.user.email]: [`Cancelled: Evening clinic, ${LOCAL_TIME}`],
      [offered.user.email]: [`Cancelled: Evening clinic, ${LOCAL_TIME}`],
      [second.user.email]: [`Waitlist closed: Evening clinic, ${LOCAL_TIME}`],
      [third.user.email]: [`Waitlist closed: Evening clinic, ${LOCAL_TIME}`],
    });
  });

  it('when the deletion itself offers a lapsed hold to a waiter, then that person gets one email', async () => {
    const series = await createSeries('Morning clinic', 1);
    const showId = series.shows[0]!.id;
    const hold = await holdSlots(app, (await createUser(app)).token, showId, 1);
    const waiter = await join(showId, 1);
    const behind = await join(showId, 1);
    // lock_show, under the deletion's lock, reclaims this hold and offers its place to the first in line (an
    // offer and its email, in the deletion's transaction); cancelBookings then cancels the offer.
    await lapseHold(app, hold.id);

    const deleted = await app.http.delete(`/series/${series.id}?cancelBookings=true`).set(bearer(admin.token));
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: [showId], kept: [] });

    await catcher.waitFor(2);
    await settle();
    expect(inboxes(catcher.messages)).toEqual({
      [waiter.user.email]: [`Cancelled: Morning clinic, ${LOCAL_TIME}`],
      [behind.user.email]: [`Waitlist closed: Morning clinic, ${LOCAL_TIME}`],
    });
  });

  it('when a show is kept for its bookings, then its waiters are not told anything', async () => {
    const series = await createSeries('Kept clinic', 1);
    const showId = series.shows[0]!.id;
    await holdSlots(app, (await createUser(app)).token, showId, 1);
    const waiter = await join(showId, 1);

    const outcome = await app.http.delete(`/series/${series.id}`).set(bearer(admin.token));
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ deleted: [], kept: [{ showId, activeBookings: 1 }] });

    await settle();
    expect(catcher.messages).toEqual([]);
    expect(await queuedForEntries([waiter.entryId])).toEqual([]);
  });
});

describe('the outbox holds its rules', () => {
  it('when a row names both subjects, neither, or an entry twice, then the database refuses it', async () => {
    // FAILED, so that the sender leaves the one row that goes in alone.
    const insert = (kind: string, bookingId: number | null, entryId: number | null) =>
      app.db.query(
        `INSERT INTO email_outbox (kind, booking_id, waitlist_entry_id, recipient, payload, status)
         VALUES ($1, $2, $3, 'a@example.test', '{}', 'FAILED')`,
        [kind, bookingId, entryId],
      );
    await expect(insert('WAITLIST_SHOW_CANCELLED', 1, 1)).rejects.toThrow(/email_outbox_one_subject/);
    await expect(insert('BOOKING_CANCELLED', null, null)).rejects.toThrow(/email_outbox_one_subject/);
    await expect(insert('BOOKING_CANCELLED', null, 1)).rejects.toThrow(/email_outbox_kind_names_subject/);
    await expect(insert('WAITLIST_SHOW_CANCELLED', 1, null)).rejects.toThrow(/email_outbox_kind_names_subject/);
    await insert('WAITLIST_SHOW_CANCELLED', null, 2_000_000_000);
    await expect(insert('WAITLIST_SHOW_CANCELLED', null, 2_000_000_000)).rejects.toThrow(
      /email_outbox_once_per_waitlist_entry/,
    );
  });
});

import type { Show } from '@holdfast/contracts';
import type { ParsedMail } from 'mailparser';
import ical from 'node-ical';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmailSender, type EmailSender } from '../src/jobs/send-emails.job.js';
import { insertShow } from '../src/modules/shows/shows.repository.js';
import { createLogger } from '../src/platform/logger.js';
import type { MailSettings } from '../src/platform/mailer.js';
import { bearer, createUser, holdSlots } from './support/factories.js';
import { startMailCatcher, startSilentServer, type MailCatcher } from './support/mail-catcher.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { until } from './support/until.js';

const MAIL_ENV = { PUBLIC_WEB_URL: 'https://book.example.test/', MAIL_FROM: 'Clinic <desk@example.test>' };
// Saturday 15 March 2031, 18:30 UTC: until shows carry their own zone, every show is told in UTC.
const START = '2031-03-15T18:30:00.000Z';
const LOCAL_TIME = 'Saturday, 15 March 2031 at 18:30 (UTC)';

let app: TestApp;
let catcher: MailCatcher;
const senders: EmailSender[] = [];

function startSender(on: TestApp, smtpUrl: string, overrides: Partial<MailSettings> = {}) {
  const sender = startEmailSender(
    {
      db: on.db,
      databaseUrl: on.databaseUrl,
      logger: createLogger('silent'),
      reporter: on.reporter,
      metrics: on.metrics,
    },
    { ...on.config.mail, ...overrides, smtpUrl },
  );
  senders.push(sender);
  return sender;
}

beforeAll(async () => {
  catcher = await startMailCatcher();
  app = await startTestApp({ ...MAIL_ENV, MAIL_RETRY_BASE_MS: '300', MAIL_POLL_MS: '100', MAIL_MAX_ATTEMPTS: '4' });
  startSender(app, catcher.url);
});
afterAll(async () => {
  await Promise.all(senders.map((sender) => sender.stop()));
  await app.close();
  await catcher.close();
});
beforeEach(async () => {
  // The previous test's emails are out before this one counts.
  const queued = () => app.db.query(`SELECT 1 FROM email_outbox WHERE status = 'QUEUED'`).then((r) => r.rowCount);
  await until(queued, (n) => n === 0);
  catcher.messages.length = 0;
  catcher.offeredAt.length = 0;
  catcher.refuseNext(0);
});

const show = (name = 'Physio, room 2', on = app): Promise<Show> =>
  insertShow(on.db, { name, startTime: START, totalSlots: 50 });

async function confirmedBooking(on = app, quantity = 2) {
  const { user, token } = await createUser(on, { name: 'Ada Lovelace' });
  const booked = await show(undefined, on);
  const hold = await holdSlots(on, token, booked.id, quantity);
  const started = Date.now();
  const confirmed = await on.http.post('/bookings/confirm').set(bearer(token)).send({ bookingId: hold.id });
  return { user, token, show: booked, hold, confirmed, tookMs: Date.now() - started };
}

const outboxRows = async (bookingId: number) =>
  (
    await app.db.query<{ kind: string; status: string; attempts: number; last_error: string | null }>(
      'SELECT kind, status, attempts, last_error FROM email_outbox WHERE booking_id = $1 ORDER BY id',
      [bookingId],
    )
  ).rows;

const calendarOf = (text: string) => Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT');
const textOf = (mail: ParsedMail) => mail.text ?? '';

describe('the confirmation email', () => {
  it('when a hold is confirmed, then the booker gets the show, its local time, places and an .ics file', async () => {
    const { user, show: booked, hold, confirmed } = await confirmedBooking();
    expect(confirmed.status).toBe(200);
    const [mail] = await catcher.waitFor(1);
    expect(mail!.to).toMatchObject({ value: [{ address: user.email }] });
    expect(mail!.from).toMatchObject({ value: [{ address: 'desk@example.test', name: 'Clinic' }] });
    expect(mail!.subject).toBe(`Booking confirmed: Physio, room 2, ${LOCAL_TIME}`);
    expect(textOf(mail!)).toContain(`Your booking of 2 places for Physio, room 2 on ${LOCAL_TIME} is confirmed.`);
    expect(textOf(mail!)).toContain(`See your booking: https://book.example.test/bookings/${hold.id}`);
    expect(mail!.html).toContain(`<a href="https://book.example.test/bookings/${hold.id}">`);
    const attachment = mail!.attachments.find((a) => a.contentType === 'text/calendar');
    const event = calendarOf(attachment!.content.toString('utf8'));
    expect(event).toMatchObject({ uid: `booking-${hold.id}@holdfast`, summary: booked.name });
    expect(event?.type === 'VEVENT' && event.start.toISOString()).toBe(START);
    expect(event?.type === 'VEVENT' && (event.end?.getTime() ?? 0) - event.start.getTime()).toBe(60 * 60_000);
    expect(event?.type === 'VEVENT' && event.description).toContain(LOCAL_TIME);
    expect(event?.type === 'VEVENT' && event.url).toBe(`https://book.example.test/bookings/${hold.id}`);
    expect(
      await until(
        () => outboxRows(hold.id),
        (rows) => rows[0]?.status === 'SENT',
      ),
    ).toEqual([{ kind: 'BOOKING_CONFIRMED', status: 'SENT', attempts: 1, last_error: null }]);
  });

  it('when a confirm is repeated, then it is refused and no second email is queued', async () => {
    const { token, hold } = await confirmedBooking();
    const again = await app.http.post('/bookings/confirm').set(bearer(token)).send({ bookingId: hold.id });
    expect(again.status).toBe(409);
    await catcher.waitFor(1);
    expect((await outboxRows(hold.id)).map((row) => row.kind)).toEqual(['BOOKING_CONFIRMED']);
  });

  it('when a confirm fails after the email was queued, then the rollback takes the email with it', async () => {
    const { token } = await createUser(app);
    const hold = await holdSlots(app, token, (await show()).id, 1);
    // The outbox refuses this booking's row (a CHECK that fails at INSERT), so the confirm's transaction fails.
    await app.db.query(
      `ALTER TABLE email_outbox ADD CONSTRAINT test_refuse CHECK (booking_id <> ${Number(hold.id)}) NOT VALID`,
    );
    try {
      const response = await app.http.post('/bookings/confirm').set(bearer(token)).send({ bookingId: hold.id });
      expect(response.status).toBe(500);
    } finally {
      await app.db.query('ALTER TABLE email_outbox DROP CONSTRAINT test_refuse');
    }
    const { rows } = await app.db.query('SELECT status FROM bookings WHERE id = $1', [hold.id]);
    expect(rows[0]).toEqual({ status: 'PENDING' });
    expect(await outboxRows(hold.id)).toEqual([]);
  });
});

describe('the other emails, queued directly', () => {
  const enqueue = (kind: string, showId: number, bookingId: number) =>
    app.db
      .query<{ id: number | null }>('SELECT enqueue_email($1, $2, $3) AS id', [kind, showId, bookingId])
      .then((result) => result.rows[0]!.id);

  it('when a waitlist offer is queued, then the email says until when and links to the offer', async () => {
    const { user, token } = await createUser(app, { name: 'Grace Hopper' });
    const offered = await show('Evening surgery');
    const hold = await holdSlots(app, token, offered.id, 1);
    await enqueue('WAITLIST_OFFER', offered.id, hold.id);
    const [mail] = await catcher.waitFor(1);
    const deadline = new Date(hold.expiresAt).toISOString().slice(11, 16);
    expect(mail!.to).toMatchObject({ value: [{ address: user.email }] });
    expect(mail!.subject).toBe(`A place for you: Evening surgery, ${LOCAL_TIME}`);
    expect(textOf(mail!)).toContain(`1 place for Evening surgery on ${LOCAL_TIME} is held for you until ${deadline}`);
    expect(textOf(mail!)).toContain(`https://book.example.test/shows/${offered.id}?offer=${hold.id}`);
    expect(mail!.attachments).toEqual([]);
  });

  it('when an admin deletion cancels a booking, then the email tells the show was withdrawn', async () => {
    const { user, token } = await createUser(app);
    const withdrawn = await show('Flu clinic <Saturday>');
    const hold = await holdSlots(app, token, withdrawn.id, 3);
    // As an admin's deletion will: queue the email, cancel the booking, delete the show (and its bookings).
    await app.db.withTransaction(async (tx) => {
      await tx.query('SELECT enqueue_email($1, $2, $3)', ['BOOKING_CANCELLED', withdrawn.id, hold.id]);
      await tx.query(`UPDATE bookings SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1`, [hold.id]);
      await tx.query('UPDATE shows SET available_slots = total_slots WHERE id = $1', [withdrawn.id]);
      await tx.query('DELETE FROM shows WHERE id = $1', [withdrawn.id]);
    });
    const [mail] = await catcher.waitFor(1);
    expect(mail!.to).toMatchObject({ value: [{ address: user.email }] });
    expect(mail!.subject).toBe(`Cancelled: Flu clinic <Saturday>, ${LOCAL_TIME}`);
    expect(textOf(mail!)).toContain('was withdrawn by the organiser, so your booking of 3 places is cancelled');
    expect(mail!.html).toContain('Flu clinic &lt;Saturday&gt;');
  });

  it('when the same kind is queued twice for a booking, or for no booking, then nothing more is queued', async () => {
    const { token } = await createUser(app);
    const twice = await show();
    const hold = await holdSlots(app, token, twice.id, 1);
    const first = await enqueue('WAITLIST_OFFER', twice.id, hold.id);
    const second = await enqueue('WAITLIST_OFFER', twice.id, hold.id);
    const none = await enqueue('WAITLIST_OFFER', twice.id, 999_999);
    expect(first).toEqual(expect.any(Number));
    expect([second, none]).toEqual([null, null]);
    await expect(enqueue('NEWSLETTER', twice.id, hold.id)).rejects.toThrow(/check constraint/);
  });
});

describe('the sender', () => {
  it('when the mail server refuses twice, then the email is retried with growing delays and arrives once', async () => {
    catcher.refuseNext(2);
    const { hold } = await confirmedBooking();
    await catcher.waitFor(1);
    const [first, second, third] = catcher.offeredAt;
    expect(catcher.offeredAt).toHaveLength(3);
    expect(second! - first!).toBeGreaterThanOrEqual(300);
    expect(third! - second!).toBeGreaterThanOrEqual(600);
    const rows = await until(
      () => outboxRows(hold.id),
      (r) => r[0]?.status === 'SENT',
    );
    expect(rows).toEqual([{ kind: 'BOOKING_CONFIRMED', status: 'SENT', attempts: 3, last_error: null }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(catcher.messages).toHaveLength(1);
  });

  it('when the mail server refuses every attempt, then the email is kept as FAILED and counted', async () => {
    catcher.refuseNext(1_000);
    const { hold } = await confirmedBooking();
    const rows = await until(
      () => outboxRows(hold.id),
      (r) => r[0]?.status === 'FAILED',
      15_000,
    );
    expect(rows).toEqual([
      { kind: 'BOOKING_CONFIRMED', status: 'FAILED', attempts: 4, last_error: expect.any(String) },
    ]);
    expect(rows[0]!.last_error).toMatch(/451/);
    const metrics = await app.http.get('/metrics');
    expect(metrics.text).toMatch(/holdfast_email_sends_total\{outcome="failed"\} [1-9]/);
  });

  it('when two senders share one outbox, then each of many emails is sent exactly once', async () => {
    startSender(app, catcher.url);
    const { token } = await createUser(app);
    const many = await insertShow(app.db, { name: 'Many', startTime: START, totalSlots: 100 });
    const ids: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const { token: someone } = await createUser(app);
      ids.push((await holdSlots(app, someone, many.id, 1)).id);
    }
    expect(token).toBeTruthy();
    // One commit queues them all: both senders hear the same NOTIFY and claim at the same moment.
    await app.db.withTransaction(async (tx) => {
      for (const id of ids) await tx.query('SELECT enqueue_email($1, $2, $3)', ['WAITLIST_OFFER', many.id, id]);
    });
    await catcher.waitFor(30);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const links = catcher.messages.map((mail) => /offer=(\d+)/.exec(textOf(mail))?.[1]);
    expect(links).toHaveLength(30);
    expect(new Set(links).size).toBe(30);
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE booking_id = ANY($1) AND status = 'SENT' AND attempts = 1`,
      [ids],
    );
    expect(rows[0]).toEqual({ n: 30 });
  });
});

describe('a mail server that hangs', () => {
  it('when the mail server never answers, then confirms answer at once and the email waits for a retry', async () => {
    const silent = await startSilentServer();
    const other = await startTestApp({ MAIL_RETRY_BASE_MS: '60000', MAIL_POLL_MS: '50' });
    try {
      startSender(other, silent.url, { sendTimeoutMs: 400 });
      const first = await confirmedBooking(other);
      await until(
        async () => silent.connections(),
        (n) => n > 0,
      );
      // The sender is stuck on the silent server now; the next confirm does not wait for it.
      const second = await confirmedBooking(other);
      expect([first.confirmed.status, second.confirmed.status]).toEqual([200, 200]);
      expect(second.tookMs).toBeLessThan(1_000);
      const rows = await until(
        async () =>
          (
            await other.db.query('SELECT status, attempts, last_error FROM email_outbox WHERE booking_id = $1', [
              first.hold.id,
            ])
          ).rows,
        (r) => r[0]?.last_error !== null,
      );
      expect(rows[0]).toMatchObject({
        status: 'QUEUED',
        attempts: 1,
        last_error: expect.stringMatching(/greeting|time/i),
      });
    } finally {
      await Promise.all(senders.splice(1).map((sender) => sender.stop()));
      await other.close();
      await silent.close();
    }
  });
});

describe('GET /bookings/:id/calendar.ics', () => {
  it('when the owner asks for a confirmed booking, then it answers the calendar entry as text/calendar', async () => {
    const { token, hold, show: booked } = await confirmedBooking();
    const response = await app.http.get(`/bookings/${hold.id}/calendar.ics`).set(bearer(token));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="booking-${hold.id}.ics"`);
    const event = calendarOf(response.text);
    expect(event).toMatchObject({ uid: `booking-${hold.id}@holdfast`, summary: booked.name });
    expect(event?.type === 'VEVENT' && event.start.toISOString()).toBe(START);
  });

  it('when the booking is pending, then 409; someone else asks, then 404; an id is no number, then 404', async () => {
    const { token } = await createUser(app);
    const hold = await holdSlots(app, token, (await show()).id, 1);
    const pending = await app.http.get(`/bookings/${hold.id}/calendar.ics`).set(bearer(token));
    expect(pending.status).toBe(409);
    expect(pending.body.error.code).toBe('BOOKING_NOT_CONFIRMED');
    const { token: stranger } = await createUser(app);
    const theirs = await app.http.get(`/bookings/${hold.id}/calendar.ics`).set(bearer(stranger));
    expect(theirs.status).toBe(404);
    expect((await app.http.get('/bookings/abc/calendar.ics').set(bearer(token))).status).toBe(404);
    expect((await app.http.get(`/bookings/${hold.id}/calendar.ics`)).status).toBe(401);
  });
});

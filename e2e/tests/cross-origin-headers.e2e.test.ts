import { describe, expect, it } from 'vitest';
import { createShow, logIn, newPerson, registerViaApi, stack, useBrowser, withBrowser } from '../support/session.js';

describe.runIf(withBrowser)('what the web app may read of the API’s answers, from its own origin', () => {
  const browser = useBrowser();

  it('when the API replays an answer, then the page can read Idempotent-Replayed', async () => {
    const show = await createShow({ name: `Headers ${Date.now()}`, totalSlots: 4 });
    const person = await registerViaApi('Headers');
    const { page, context } = await newPerson(browser());
    await logIn(page, person);
    expect(new URL(stack!.apiUrl).origin).not.toBe(new URL(page.url()).origin);

    // A fetch from the page is held to CORS, as the app's own requests are.
    const seen = await page.evaluate(
      async ({ apiUrl, token, showId }) => {
        const book = () =>
          fetch(`${apiUrl}/bookings`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'Idempotency-Key': `headers-${showId}`,
            },
            body: JSON.stringify({ showId, quantity: 1 }),
          });
        const first = await book();
        const again = await book();
        return {
          statuses: [first.status, again.status],
          replayed: [first.headers.get('Idempotent-Replayed'), again.headers.get('Idempotent-Replayed')],
        };
      },
      { apiUrl: stack!.apiUrl, token: person.token, showId: show.id },
    );

    expect(seen.statuses).toEqual([201, 201]);
    // Without Access-Control-Expose-Headers the browser hides it, and the app cannot tell a replay.
    expect(seen.replayed).toEqual([null, 'true']);
    await context.close();
  });
});

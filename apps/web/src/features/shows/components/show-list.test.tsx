import type { Show } from '@holdfast/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { localDateKey } from '@/lib/format';
import { aShow } from '@/testing/factories';
import { apiUrl, recordRequests, server } from '@/testing/mock-api';
import { fakeSocket } from '@/testing/fake-socket';
import { renderApp } from '@/testing/render-app';
import { recordShowListQueries, showList } from '@/testing/show-list-api';

const card = (name: string) => screen.getByRole('article', { name });

describe('show list', () => {
  it('when shows load, then each shows places left; sold-out and started ones are labelled, not bookable', async () => {
    const open = aShow({ name: 'Ferry crossing', totalSlots: 6, availableSlots: 2 });
    const soldOut = aShow({ name: 'Flu clinic', availableSlots: 0 });
    const started = aShow({ name: 'Metropolis', startTime: new Date(Date.now() - 60_000).toISOString() });
    server.use(http.get(apiUrl('/shows'), () => HttpResponse.json([started, open, soldOut])));
    renderApp('/');

    expect(await screen.findByRole('article', { name: 'Ferry crossing' })).toHaveTextContent('2 of 6 places left');
    expect(within(card('Ferry crossing')).getByRole('link', { name: 'Book' })).toHaveAttribute(
      'href',
      `/shows/${open.id}`,
    );
    expect(within(card('Flu clinic')).getByText('Sold out')).toBeInTheDocument();
    expect(within(card('Flu clinic')).queryByRole('link', { name: 'Book' })).not.toBeInTheDocument();
    expect(within(card('Metropolis')).getByText('Started')).toBeInTheDocument();
    expect(within(card('Metropolis')).queryByRole('link', { name: 'Book' })).not.toBeInTheDocument();
  });

  it('when showsUpdated arrives, then the count changes and is announced without refetching the list', async () => {
    const show = aShow({ name: 'Ferry crossing', totalSlots: 6, availableSlots: 5 });
    server.use(http.get(apiUrl('/shows'), () => HttpResponse.json([show])));
    const requests = recordRequests();
    renderApp('/');
    await screen.findByRole('article', { name: 'Ferry crossing' });

    act(() => fakeSocket.serverSends([{ id: show.id, totalSlots: 6, availableSlots: 3, version: 2 }]));

    // TanStack Query notifies observers on the next tick, so the assertions wait for it.
    await waitFor(() => expect(card('Ferry crossing')).toHaveTextContent('3 of 6 places left'));
    expect(await screen.findByText('Ferry crossing: 3 places left')).toBeInTheDocument();
    expect(requests.filter((request) => request === 'GET /shows')).toHaveLength(1);
  });

  it('when a stale answer comes after a newer one (lagging replica, late update), then the count holds', async () => {
    const show = aShow({ name: 'Ferry crossing', totalSlots: 6, availableSlots: 5, version: 4 });
    let listed = show;
    server.use(http.get(apiUrl('/shows'), () => HttpResponse.json([listed])));
    renderApp('/');
    await screen.findByRole('article', { name: 'Ferry crossing' });

    act(() => fakeSocket.serverSends([{ id: show.id, totalSlots: 6, availableSlots: 2, version: 6 }]));
    await waitFor(() => expect(card('Ferry crossing')).toHaveTextContent('2 of 6 places left'));
    act(() => fakeSocket.serverSends([{ id: show.id, totalSlots: 6, availableSlots: 3, version: 5 }]));
    // A reconnect refetches; the replica that answers has not replayed versions 5 and 6 yet.
    act(() => fakeSocket.drop());
    act(() => fakeSocket.reconnect());
    await waitFor(() => expect(screen.getByText('Live updates on')).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(card('Ferry crossing')).toHaveTextContent('2 of 6 places left');

    listed = { ...show, availableSlots: 1, version: 7 };
    act(() => fakeSocket.drop());
    act(() => fakeSocket.reconnect());
    await waitFor(() => expect(card('Ferry crossing')).toHaveTextContent('1 of 6 places left'));
  });

  it('when shows are added and deleted live, then they appear and disappear without a reload', async () => {
    const show = aShow({ name: 'Ferry crossing' });
    server.use(http.get(apiUrl('/shows'), () => HttpResponse.json([show])));
    renderApp('/');
    await screen.findByRole('article', { name: 'Ferry crossing' });
    const added = aShow({ name: 'Harbour tour' });

    act(() => fakeSocket.serverSends([added]));
    expect(await screen.findByRole('article', { name: 'Harbour tour' })).toBeInTheDocument();

    act(() => fakeSocket.serverSends([{ id: show.id, totalSlots: 0, availableSlots: 0, version: 2, deleted: true }]));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Ferry crossing' })).not.toBeInTheDocument());
  });

  it('when the socket drops and comes back, then the indicator says so and the list is refetched', async () => {
    let available = 5;
    const show = aShow({ name: 'Ferry crossing', totalSlots: 6 });
    server.use(http.get(apiUrl('/shows'), () => HttpResponse.json([{ ...show, availableSlots: available }])));
    renderApp('/');
    await screen.findByRole('article', { name: 'Ferry crossing' });
    expect(screen.getByText('Live updates on')).toBeInTheDocument();

    act(() => fakeSocket.drop());
    expect(screen.getByText('Live updates off, reconnecting…')).toBeInTheDocument();

    available = 1;
    act(() => fakeSocket.reconnect());
    await waitFor(() => expect(card('Ferry crossing')).toHaveTextContent('1 of 6 places left'));
    expect(screen.getByText('Live updates on')).toBeInTheDocument();
  });

  it('when searching by name, then only matching shows stay', async () => {
    server.use(
      http.get(apiUrl('/shows'), () =>
        HttpResponse.json([aShow({ name: 'Ferry crossing' }), aShow({ name: 'Flu clinic' })]),
      ),
    );
    const { user } = renderApp('/');
    await screen.findByRole('article', { name: 'Ferry crossing' });

    await user.type(screen.getByLabelText('Search shows'), 'flu');

    expect(screen.queryByRole('article', { name: 'Ferry crossing' })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Flu clinic' })).toBeInTheDocument();
  });

  it('when there are no shows, then it says so', async () => {
    server.use(http.get(apiUrl('/shows'), () => HttpResponse.json([])));
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'No shows yet' })).toBeInTheDocument();
  });

  it('when the server cannot be reached, then it says so and "Try again" loads the shows', async () => {
    let reachable = false;
    server.use(
      http.get(apiUrl('/shows'), () =>
        reachable ? HttpResponse.json([aShow({ name: 'Ferry crossing' })]) : HttpResponse.error(),
      ),
    );
    const { user } = renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Server unreachable' })).toBeInTheDocument();
    reachable = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Ferry crossing' })).toBeInTheDocument();
  });
});

describe('show list pages', () => {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const numbered = (count: number) =>
    Array.from({ length: count }, (_, i) => aShow({ name: `Show ${i + 1}`, startTime: inDays(i + 1) }));

  it('when there are more shows than a page, then "Show more" follows the Link until the last page', async () => {
    const shows = numbered(5);
    server.use(showList(shows, { pageSize: 2 }));
    const queries = recordShowListQueries();
    const { user } = renderApp('/');
    await screen.findByRole('article', { name: 'Show 1' });
    expect(screen.queryByRole('article', { name: 'Show 3' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('article', { name: 'Show 3' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('article', { name: 'Show 5' })).toBeInTheDocument();

    expect(screen.getAllByRole('article')).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    // The first page is asked plainly; each next one exactly as the previous page's Link said.
    const cursorOf = (show: Show) => `${Date.parse(show.startTime)}_${show.id}`;
    expect(queries).toEqual([
      {},
      { limit: '2', after: cursorOf(shows[1]!) },
      { limit: '2', after: cursorOf(shows[3]!) },
    ]);
  });

  it('when showsUpdated names shows on any loaded page, then their counts change and a deleted one goes', async () => {
    const shows = numbered(4);
    server.use(showList(shows, { pageSize: 2 }));
    const queries = recordShowListQueries();
    const { user } = renderApp('/');
    await screen.findByRole('article', { name: 'Show 1' });
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByRole('article', { name: 'Show 4' });

    act(() =>
      fakeSocket.serverSends([
        { ...shows[3]!, availableSlots: 7 },
        { id: shows[0]!.id, totalSlots: 40, availableSlots: 39, version: 2 },
        { id: shows[2]!.id, totalSlots: 0, availableSlots: 0, version: 2, deleted: true },
      ]),
    );

    await waitFor(() => expect(card('Show 4')).toHaveTextContent('7 of 40 places left'));
    expect(card('Show 1')).toHaveTextContent('39 of 40 places left');
    expect(screen.queryByRole('article', { name: 'Show 3' })).not.toBeInTheDocument();
    expect(queries).toHaveLength(2);
  });

  it('when a new show starts after the loaded pages, then it waits for "Show more" instead of jumping in', async () => {
    const shows = numbered(3);
    server.use(showList(() => shows, { pageSize: 2 }));
    const { user } = renderApp('/');
    await screen.findByRole('article', { name: 'Show 1' });

    const early = aShow({ name: 'Early bird', startTime: inDays(1.5) });
    const late = aShow({ name: 'Late comer', startTime: inDays(30) });
    shows.push(early, late);
    act(() => fakeSocket.serverSends([early, late]));

    expect(await screen.findByRole('article', { name: 'Early bird' })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Late comer' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('article', { name: 'Late comer' })).toBeInTheDocument();
  });

  it('when a date is picked, then the server is asked for that day, from local midnight to the next', async () => {
    const onTheDay = aShow({ name: 'Harbour tour', startTime: inDays(3) });
    server.use(showList([aShow({ name: 'Ferry crossing', startTime: inDays(1) }), onTheDay]));
    const queries = recordShowListQueries();
    const { user } = renderApp('/');
    await screen.findByRole('article', { name: 'Ferry crossing' });
    const day = new Date(onTheDay.startTime);
    const date = localDateKey(onTheDay.startTime);

    await user.type(screen.getByLabelText('Date'), date);

    expect(await screen.findByRole('article', { name: 'Harbour tour' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Ferry crossing' })).not.toBeInTheDocument());
    const midnight = new Date(day.getFullYear(), day.getMonth(), day.getDate());
    expect(queries.at(-1)).toEqual({
      from: midnight.toISOString(),
      to: new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).toISOString(),
    });
  });
});

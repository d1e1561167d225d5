import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aShow } from '@/testing/factories';
import { apiUrl, recordRequests, server } from '@/testing/mock-api';
import { fakeSocket } from '@/testing/fake-socket';
import { renderApp } from '@/testing/render-app';

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

    act(() => fakeSocket.serverSends([{ id: show.id, totalSlots: 6, availableSlots: 3 }]));

    // TanStack Query notifies observers on the next tick, so the assertions wait for it.
    await waitFor(() => expect(card('Ferry crossing')).toHaveTextContent('3 of 6 places left'));
    expect(await screen.findByText('Ferry crossing: 3 places left')).toBeInTheDocument();
    expect(requests.filter((request) => request === 'GET /shows')).toHaveLength(1);
  });

  it('when shows are added and deleted live, then they appear and disappear without a reload', async () => {
    const show = aShow({ name: 'Ferry crossing' });
    server.use(http.get(apiUrl('/shows'), () => HttpResponse.json([show])));
    renderApp('/');
    await screen.findByRole('article', { name: 'Ferry crossing' });
    const added = aShow({ name: 'Harbour tour' });

    act(() => fakeSocket.serverSends([added]));
    expect(await screen.findByRole('article', { name: 'Harbour tour' })).toBeInTheDocument();

    act(() => fakeSocket.serverSends([{ id: show.id, totalSlots: 0, availableSlots: 0, deleted: true }]));
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

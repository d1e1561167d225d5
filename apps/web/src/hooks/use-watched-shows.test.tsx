import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { type ShowWatch } from '@/lib/show-watches';
import { aShow } from '@/testing/factories';
import { fakeSocket } from '@/testing/fake-socket';
import { apiUrl, server, signedInOnShowPage } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { useLiveShows } from './use-live-shows';
import { useWatchedShows } from './use-watched-shows';

/** Every watchShows the tab sent, in order. */
const told = () => fakeSocket.sent.filter(([event]) => event === 'watchShows').map(([, showIds]) => showIds);

function Screen({ showIds }: { showIds: ShowWatch }) {
  useWatchedShows(showIds);
  return null;
}
function Tab({ screens }: { screens: ShowWatch[] }) {
  useLiveShows();
  return screens.map((showIds, i) => <Screen key={i} showIds={showIds} />);
}
function renderTab(screens: ShowWatch[]) {
  const queryClient = createQueryClient();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <Tab screens={screens} />
    </QueryClientProvider>,
  );
  return (next: ShowWatch[]) =>
    view.rerender(
      <QueryClientProvider client={queryClient}>
        <Tab screens={next} />
      </QueryClientProvider>,
    );
}

describe('watching shows', () => {
  it('when several screens watch shows, then the tab asks for their union, or for all if one wants all', async () => {
    const update = renderTab([
      [3, 1],
      [2, 3],
    ]);
    await waitFor(() => expect(told().at(-1)).toEqual([1, 2, 3]));

    update([[3, 1], 'all']);
    await waitFor(() => expect(told().at(-1)).toBeNull());

    update([[3, 1]]);
    await waitFor(() => expect(told().at(-1)).toEqual([1, 3]));

    update([[3, 1], Array.from({ length: 200 }, (_, i) => i + 10)]);
    await waitFor(() => expect(told().at(-1)).toBeNull()); // 202 ids: more than the server takes

    update([]);
    await waitFor(() => expect(told().at(-1)).toBeNull());
  });

  it('when a screen re-renders with the same ids in another order, then nothing is sent again', async () => {
    const update = renderTab([[5, 4]]);
    await waitFor(() => expect(told().at(-1)).toEqual([4, 5]));
    const sent = told().length;
    update([[4, 5, 5]]);
    await act(() => Promise.resolve());
    expect(told()).toHaveLength(sent);
  });

  it('when the socket comes back, then the tab asks again for what it watches (never while offline)', async () => {
    const update = renderTab([[7]]);
    await waitFor(() => expect(told().at(-1)).toEqual([7]));

    act(() => fakeSocket.drop());
    update([[7, 8]]);
    await act(() => Promise.resolve());
    expect(told().at(-1)).toEqual([7]);
    const sent = told().length;

    act(() => fakeSocket.reconnect());
    await waitFor(() => expect(told()).toHaveLength(sent + 1));
    expect(told().at(-1)).toEqual([7, 8]);
  });

  it('when the list shows shows, then the tab watches those; the booking page watches its one show', async () => {
    const [first, second] = [aShow({ name: 'Ferry crossing' }), aShow({ name: 'Harbour tour' })];
    server.use(http.get(apiUrl('/shows'), () => HttpResponse.json([first, second])));
    signedInOnShowPage(second!);
    const { router } = renderApp('/');
    await screen.findByRole('article', { name: 'Ferry crossing' });
    await waitFor(() => expect(told().at(-1)).toEqual([first!.id, second!.id].sort((a, b) => a - b)));

    await act(() => router.navigate(`/shows/${second!.id}`));
    await screen.findByRole('heading', { name: 'Harbour tour' });
    await waitFor(() => expect(told().at(-1)).toEqual([second!.id]));
  });
});

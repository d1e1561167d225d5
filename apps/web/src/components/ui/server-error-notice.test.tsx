import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiUrl, server } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const failWith = (response: () => Response) => server.use(http.get(apiUrl('/shows'), response));

describe('a screen whose data cannot be loaded', () => {
  it('when the network fails, then it says the server cannot be reached, with no reference', async () => {
    failWith(() => HttpResponse.error());
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(screen.getByRole('heading', { name: 'Server unreachable' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('We could not reach the server. Check your connection and try again.');
    expect(alert).not.toHaveTextContent('reference');
  });

  it('when the server answers 500, then the title says it failed (not unreachable) with the request id', async () => {
    failWith(() =>
      HttpResponse.json(
        { error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side (request id req-7f3a)' } },
        { status: 500, headers: { 'X-Request-Id': 'req-7f3a' } },
      ),
    );
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'The server ran into a problem' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Server unreachable' })).not.toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side. Please try again in a moment.');
    expect(alert).toHaveTextContent('If you contact support, quote this reference: req-7f3a');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('when the answer is not JSON, then it tells the person what to do rather than "could not read"', async () => {
    failWith(() => new HttpResponse('{"shows": [', { status: 200, headers: { 'X-Request-Id': 'req-9' } }));
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(screen.getByRole('heading', { name: 'The server ran into a problem' })).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      'We could not make sense of the server’s answer. Please try again; if it happens again, reload the page.',
    );
    expect(alert).not.toHaveTextContent(/could not read/);
    expect(alert).toHaveTextContent('req-9');
  });

  it('when the server is busy, then it says so and suggests waiting', async () => {
    failWith(() =>
      HttpResponse.json({ error: { code: 'BUSY', message: 'Busy' } }, { status: 503, headers: { 'Retry-After': '1' } }),
    );
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'The server is busy' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The server is very busy right now.');
  });
});

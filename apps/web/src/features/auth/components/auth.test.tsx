import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ShowPages } from '@/api/get-shows';
import { queryKeys } from '@/lib/query-keys';
import { aMyBooking, aShow, aUser, signIn } from '@/testing/factories';
import { apiError, apiUrl, recordRequests, server } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const noShows = http.get(apiUrl('/shows'), () => HttpResponse.json([]));
const fillRegistration = async (user: ReturnType<typeof renderApp>['user']) => {
  await user.type(await screen.findByLabelText('Name'), 'Ada');
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'long enough');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
};

describe('registering', () => {
  it('when the form is sent empty, then each field says what is wrong next to it and nothing is sent', async () => {
    server.use(noShows);
    const requests = recordRequests();
    const { user } = renderApp('/register');

    await user.click(await screen.findByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Name is required');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Password must be at least 8 characters long At least 8 characters.',
    );
    expect(screen.getByLabelText('Name')).toBeInvalid();
    expect(requests).not.toContain('POST /auth/register');
  });

  it('when a password has accents, then its characters are counted as the hint says, not its bytes', async () => {
    server.use(
      noShows,
      http.post(apiUrl('/auth/register'), () => HttpResponse.json({ token: 'jwt-1', user: aUser() }, { status: 201 })),
    );
    const requests = recordRequests();
    const { user } = renderApp('/register');
    await user.type(await screen.findByLabelText('Name'), 'Zoë');
    await user.type(screen.getByLabelText('Email'), 'zoe@example.com');
    // Eight bytes in UTF-8, but four characters.
    await user.type(screen.getByLabelText('Password'), 'éééé');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Password must be at least 8 characters long At least 8 characters.',
    );
    expect(requests).not.toContain('POST /auth/register');

    await user.type(screen.getByLabelText('Password'), 'èèèè');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('button', { name: 'Log out' })).toBeInTheDocument();
    expect(requests).toContain('POST /auth/register');
  });

  it('when the email is taken, then the email field says so', async () => {
    server.use(
      noShows,
      http.post(apiUrl('/auth/register'), () => apiError(409, 'EMAIL_TAKEN', 'Email already registered')),
    );
    const { user } = renderApp('/register');

    await fillRegistration(user);

    expect(await screen.findByText(/An account with this email already exists/)).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toBeInvalid();
  });

  it('when the server rejects a field, then its message is shown next to that field', async () => {
    server.use(
      noShows,
      http.post(apiUrl('/auth/register'), () =>
        apiError(400, 'VALIDATION_ERROR', 'name: too rude', {
          fields: [{ path: 'name', message: 'Pick another name' }],
        }),
      ),
    );
    const { user } = renderApp('/register');

    await fillRegistration(user);

    expect(await screen.findByLabelText('Name')).toHaveAccessibleDescription('Pick another name');
  });

  it('when registration succeeds, then the person is signed in, sees the shows, and the token is kept', async () => {
    const ada = aUser({ name: 'Ada' });
    server.use(
      noShows,
      http.post(apiUrl('/auth/register'), () => HttpResponse.json({ token: 'jwt-1', user: ada }, { status: 201 })),
    );
    const { user } = renderApp('/register');

    await fillRegistration(user);

    expect(await screen.findByRole('button', { name: 'Log out' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Shows' })).toBeInTheDocument();
    expect(localStorage.getItem('holdfast.token')).toBe('jwt-1');
  });
});

describe('logging in', () => {
  it('when the password is wrong, then it says so in plain words', async () => {
    server.use(
      noShows,
      http.post(apiUrl('/auth/login'), () => apiError(401, 'INVALID_CREDENTIALS', 'Invalid email or password')),
    );
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });

  it('when a stored token is still valid, then the person is still signed in, with a user’s links', async () => {
    const ada = signIn(aUser({ name: 'Ada' }));
    server.use(
      noShows,
      http.get(apiUrl('/auth/me'), () => HttpResponse.json({ user: ada })),
    );
    renderApp('/');

    expect(await screen.findByRole('button', { name: 'Log out' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My bookings' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('when the stored token is rejected, then it is forgotten and log in says the session expired', async () => {
    signIn();
    server.use(
      noShows,
      http.get(apiUrl('/auth/me'), () => apiError(401, 'UNAUTHENTICATED', 'Token expired')),
    );
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has expired. Please log in again.');
    expect(localStorage.getItem('holdfast.token')).toBeNull();
  });

  it('when an admin is signed in, then the admin link shows', async () => {
    const admin = signIn(aUser({ role: 'admin' }));
    server.use(
      noShows,
      http.get(apiUrl('/auth/me'), () => HttpResponse.json({ user: admin })),
    );
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Admin' })).toBeInTheDocument();
  });
});

describe('logging out', () => {
  it('when a person logs out, then everything cached for them is removed and the show list is kept', async () => {
    const ada = signIn(aUser({ name: 'Ada' }));
    const show = aShow({ name: 'Ferry crossing' });
    server.use(
      http.get(apiUrl('/auth/me'), () => HttpResponse.json({ user: ada })),
      http.get(apiUrl('/shows'), () => HttpResponse.json([show])),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([aMyBooking({ showName: 'Harbour tour' })])),
    );
    const requests = recordRequests();
    const { user, queryClient } = renderApp('/');
    await screen.findByRole('article', { name: 'Ferry crossing' });
    await user.click(await screen.findByRole('link', { name: 'My bookings' }));
    await screen.findByRole('article', { name: 'Harbour tour' });
    expect(queryClient.getQueryData(queryKeys.personal.myBookings())).toHaveLength(1);
    await user.click(screen.getByRole('link', { name: 'Shows' }));
    await screen.findByRole('article', { name: 'Ferry crossing' });

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    // The header's (now disabled) session query may stay registered, but nothing personal keeps data.
    const personalData = queryClient.getQueriesData({ queryKey: queryKeys.personal.all });
    expect(personalData.filter(([, data]) => data !== undefined)).toEqual([]);
    expect(queryClient.getQueryData<ShowPages>(queryKeys.shows.list({}))?.pages[0]?.shows).toEqual([show]);
    expect(screen.getByRole('article', { name: 'Ferry crossing' })).toBeInTheDocument();
    expect(requests.filter((request) => request === 'GET /shows')).toHaveLength(1);
  });
});

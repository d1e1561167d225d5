import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aUser, signIn } from '@/testing/factories';
import { apiError, fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const noShows = { 'GET /shows': () => json(200, []) };

describe('registering', () => {
  it('when the form is sent empty, then each field says what is wrong next to it and nothing is sent', async () => {
    const calls = fakeApi(noShows);
    const { user } = renderApp('/register');

    await user.click(await screen.findByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Name is required');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Password must be at least 8 bytes long At least 8 characters.',
    );
    expect(screen.getByLabelText('Name')).toBeInvalid();
    expect(calls).not.toContain('POST /auth/register');
  });

  it('when the email is taken, then the email field says so', async () => {
    fakeApi({ ...noShows, 'POST /auth/register': () => apiError(409, 'EMAIL_TAKEN', 'Email already registered') });
    const { user } = renderApp('/register');

    await user.type(await screen.findByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText(/An account with this email already exists/)).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toBeInvalid();
  });

  it('when the server rejects a field, then its message is shown next to that field', async () => {
    fakeApi({
      ...noShows,
      'POST /auth/register': () =>
        apiError(400, 'VALIDATION_ERROR', 'name: too rude', { fields: [{ path: 'name', message: 'Pick another name' }] }),
    });
    const { user } = renderApp('/register');

    await user.type(await screen.findByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByLabelText('Name')).toHaveAccessibleDescription('Pick another name');
  });

  it('when registration succeeds, then the person is signed in and the token is kept', async () => {
    const ada = aUser({ name: 'Ada' });
    fakeApi({ ...noShows, 'POST /auth/register': () => json(201, { token: 'jwt-1', user: ada }) });
    const { user } = renderApp('/register');

    await user.type(await screen.findByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('button', { name: 'Log out' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Shows' })).toBeInTheDocument();
    expect(localStorage.getItem('holdfast.token')).toBe('jwt-1');
  });
});

describe('logging in', () => {
  it('when the password is wrong, then it says so in plain words', async () => {
    fakeApi({ ...noShows, 'POST /auth/login': () => apiError(401, 'INVALID_CREDENTIALS', 'Invalid email or password') });
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });

  it('when a stored token is still valid, then the session survives a reload', async () => {
    const ada = signIn(aUser({ name: 'Ada' }));
    fakeApi({ ...noShows, 'GET /auth/me': () => json(200, { user: ada }) });
    renderApp('/');

    expect(await screen.findByRole('button', { name: 'Log out' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My bookings' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('when the stored token is rejected, then the person is sent to log in with a clear message', async () => {
    signIn();
    fakeApi({ ...noShows, 'GET /auth/me': () => apiError(401, 'UNAUTHENTICATED', 'Token expired') });
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has expired. Please log in again.');
    expect(localStorage.getItem('holdfast.token')).toBeNull();
  });

  it('when an admin is signed in, then the admin link shows', async () => {
    const admin = signIn(aUser({ role: 'admin' }));
    fakeApi({ ...noShows, 'GET /auth/me': () => json(200, { user: admin }) });
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Admin' })).toBeInTheDocument();
  });
});

import { authResponseSchema, loginRequestSchema, meResponseSchema, registerRequestSchema } from '../auth.js';
import { endpoint } from './endpoint.js';

/** Signing up and in. */
export const authEndpoints = {
  register: endpoint({
    method: 'post',
    path: '/auth/register',
    tag: 'Auth',
    access: 'public',
    summary: 'Create a user account (always role "user") and sign in',
    body: registerRequestSchema,
    status: 201,
    response: authResponseSchema,
    errors: {
      409: 'EMAIL_TAKEN: the email is already registered',
      429: 'RATE_LIMITED: too many sign-in requests from this address (AUTH_REQUESTS_PER_IP_PER_MINUTE)',
    },
  }),
  login: endpoint({
    method: 'post',
    path: '/auth/login',
    tag: 'Auth',
    access: 'public',
    summary: 'Sign in with email and password',
    body: loginRequestSchema,
    status: 200,
    response: authResponseSchema,
    errors: {
      401: 'INVALID_CREDENTIALS: wrong email or password',
      429: 'RATE_LIMITED: too many failed sign-ins for this account, or too many sign-in requests from this address',
    },
  }),
  me: endpoint({
    method: 'get',
    path: '/auth/me',
    tag: 'Auth',
    access: 'user',
    summary: 'The signed-in user',
    status: 200,
    response: meResponseSchema,
    errors: {},
  }),
};

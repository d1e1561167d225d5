import { AppError } from '../../platform/errors.js';

export const emailTaken = () => new AppError('EMAIL_TAKEN', 'An account with this email already exists', 409);
/** Same answer for an unknown email and a wrong password: never reveal which accounts exist. */
export const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'Wrong email or password', 401);
export const unauthenticated = (message = 'Sign in to do this') => new AppError('UNAUTHENTICATED', message, 401);
export const forbidden = () => new AppError('FORBIDDEN', 'Only administrators can do this', 403);

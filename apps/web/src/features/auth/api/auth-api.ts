import { endpoints, type LoginRequest, type RegisterRequest } from '@holdfast/contracts';
import { call } from '@/lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

export const fetchMe = (signal?: AbortSignal) => call(endpoints.me, { signal });
export const logIn = (body: LoginRequest) => call(endpoints.login, { body });
export const register = (body: RegisterRequest) => call(endpoints.register, { body });

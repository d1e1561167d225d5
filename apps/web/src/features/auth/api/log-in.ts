import { authEndpoints, type AuthResponse, type LoginRequest } from '@holdfast/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '@/lib/api-client';

export const logIn = (body: LoginRequest) => call(authEndpoints.login, { body });

export const useLogIn = ({ onSuccess }: { onSuccess: (response: AuthResponse) => void }) =>
  useMutation({ mutationFn: logIn, onSuccess });

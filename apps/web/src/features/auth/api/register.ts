import { authEndpoints, type AuthResponse, type RegisterRequest } from '@holdfast/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '@/lib/api-client';

export const register = (body: RegisterRequest) => call(authEndpoints.register, { body });

export const useRegister = ({ onSuccess }: { onSuccess: (response: AuthResponse) => void }) =>
  useMutation({ mutationFn: register, onSuccess });

import type { AuthResponse, LoginRequest, RegisterRequest, User } from '@holdfast/contracts';
import { createContext, useContext } from 'react';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous' | 'unreachable';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** Why the person was sent to log in (e.g. an expired session), shown once on the login page. */
  notice: string | null;
  logIn: (body: LoginRequest) => Promise<AuthResponse>;
  register: (body: RegisterRequest) => Promise<AuthResponse>;
  logOut: () => void;
  retry: () => void;
  /** Why the session could not be checked, while the status is 'unreachable'. */
  error: unknown;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

import type { AuthResponse } from '@holdfast/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onSessionEnded } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { authToken } from '@/lib/auth-token';
import { queryKeys } from '@/lib/query-keys';
import { identifyShowsSocket } from '@/lib/load-socket';
import { useMe } from '../api/get-me';
import { useLogIn } from '../api/log-in';
import { useRegister } from '../api/register';
import { AuthContext, type AuthContextValue, type AuthStatus } from '../hooks/use-auth';

const SESSION_ENDED = 'Your session has expired. Please log in again.';

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [token, setToken] = useState(authToken.get);
  const [notice, setNotice] = useState<string | null>(null);

  const me = useMe({ enabled: token !== null });
  // The socket speaks for whoever is signed in: it hears that person's waitlist offers, and no one else's.
  useEffect(() => identifyShowsSocket(), [token]);

  const endSession = useCallback(
    (reason: string | null) => {
      authToken.clear();
      setToken(null);
      setNotice(reason);
      queryClient.removeQueries({ queryKey: queryKeys.personal.all });
    },
    [queryClient],
  );

  useEffect(
    () =>
      onSessionEnded(() => {
        endSession(SESSION_ENDED);
        navigate('/login', { state: { from: location.pathname } });
      }),
    [endSession, navigate, location.pathname],
  );

  const startSession = useCallback(
    (response: AuthResponse) => {
      // Everything cached for one person (their bookings, a show's bookings) must not leak to the next.
      queryClient.removeQueries({ queryKey: queryKeys.personal.all });
      authToken.set(response.token);
      queryClient.setQueryData(queryKeys.personal.me(), { user: response.user });
      setNotice(null);
      setToken(response.token);
    },
    [queryClient],
  );
  const { mutateAsync: logIn } = useLogIn({ onSuccess: startSession });
  const { mutateAsync: register } = useRegister({ onSuccess: startSession });

  const value = useMemo<AuthContextValue>(() => {
    const user = token ? (me.data?.user ?? null) : null;
    let status: AuthStatus = 'loading';
    if (!token) status = 'anonymous';
    else if (user) status = 'authenticated';
    // Any failure but a rejected token (which ends the session) leaves the session unknown: say why, offer a retry.
    else if (isApiError(me.error) && me.error.code !== 'UNAUTHENTICATED') status = 'unreachable';
    return {
      status,
      user,
      notice,
      logIn,
      register,
      logOut: () => endSession(null),
      retry: () => void me.refetch(),
      error: me.error,
    };
  }, [token, me, notice, logIn, register, endSession]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

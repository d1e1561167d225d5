import type { AuthResponse } from '@holdfast/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onSessionEnded } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { authToken } from '@/lib/auth-token';
import { fetchMe, logIn, meQueryKey, register } from '../api/auth-api';
import { AuthContext, type AuthContextValue, type AuthStatus } from '../hooks/auth-context';

const SESSION_ENDED = 'Your session has expired. Please log in again.';

/** Everything cached for one person (their bookings, a show's bookings) must not leak to the next. */
const isPersonal = (key: readonly unknown[]) => key.includes('bookings') || key[0] === 'auth';

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [token, setToken] = useState(authToken.get);
  const [notice, setNotice] = useState<string | null>(null);

  const me = useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(signal), enabled: token !== null });

  const endSession = useCallback(
    (reason: string | null) => {
      authToken.clear();
      setToken(null);
      setNotice(reason);
      queryClient.removeQueries({ predicate: (query) => isPersonal(query.queryKey) });
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
      queryClient.removeQueries({ predicate: (query) => isPersonal(query.queryKey) });
      authToken.set(response.token);
      queryClient.setQueryData(meQueryKey, { user: response.user });
      setNotice(null);
      setToken(response.token);
      return response;
    },
    [queryClient],
  );

  const value = useMemo<AuthContextValue>(() => {
    const user = token ? (me.data?.user ?? null) : null;
    let status: AuthStatus = 'loading';
    if (!token) status = 'anonymous';
    else if (user) status = 'authenticated';
    else if (isApiError(me.error) && me.error.status === 0) status = 'unreachable';
    return {
      status,
      user,
      notice,
      logIn: (body) => logIn(body).then(startSession),
      register: (body) => register(body).then(startSession),
      logOut: () => endSession(null),
      retry: () => void me.refetch(),
    };
  }, [token, me, notice, startSession, endSession]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

const TOKEN_KEY = 'holdfast.token';

/** The bearer token lives in localStorage so a session survives a reload; /auth/me re-validates it. */
export const authToken = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

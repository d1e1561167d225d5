declare global {
  interface Window {
    /** Set by /config.js, which `npm start` writes next to the built app. */
    __HOLDFAST_CONFIG__?: { apiUrl?: string };
  }
}

/** Run-time config wins over build-time config, so one build can serve any API address. */
function resolveApiUrl(): string {
  const runtime = typeof window === 'undefined' ? undefined : window.__HOLDFAST_CONFIG__?.apiUrl;
  const url = runtime || import.meta.env.VITE_API_URL || 'http://localhost:3000';
  return url.replace(/\/+$/, '');
}

export const env = Object.freeze({ apiUrl: resolveApiUrl() });

// Replaced in dist/ by scripts/start.ts with the real API address; empty here so the app falls back
// to VITE_API_URL or http://localhost:3000 during `vite dev`.
window.__HOLDFAST_CONFIG__ = window.__HOLDFAST_CONFIG__ || {};

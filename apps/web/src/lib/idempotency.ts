/**
 * A fresh key for one attempt at one action (a hold, a confirm, a cancel): every repeat of that attempt
 * sends the same key, so the server does the action at most once. getRandomValues, unlike randomUUID,
 * also works on plain http.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

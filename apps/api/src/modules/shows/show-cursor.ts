import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.js';

/**
 * A page ends at a show; the next page starts just past its (start time, id), the order of the list and of the
 * index shows_start_time_id_idx. The start time travels in microseconds, PostgreSQL's own precision, so no
 * show can fall between two pages by rounding. Base64url keeps it opaque and URL-safe: clients copy it.
 *
 * A checksum makes a cut, mistyped or edited cursor a clear 400 rather than another, valid position. It is not
 * a secret: whoever forges a cursor on purpose only reaches a position that `from` reaches anyway.
 */
export interface ShowCursor {
  /** Microseconds since the epoch, as a decimal string (past Number's exact range in year 2255). */
  startMicros: string;
  id: number;
}

const CURSOR_TEXT = /^(-?\d{1,18})\.(\d{1,10})\.([A-Za-z0-9_-]{8})$/;
const MAX_ID = 2_147_483_647;

export const invalidCursor = () =>
  new AppError(
    'INVALID_CURSOR',
    'The after cursor is not one this API gave out: take it from the Link header, or start again without it',
    400,
  );

const checksum = (position: string) => createHash('sha256').update(position).digest('base64url').slice(0, 8);

export function encodeCursor({ startMicros, id }: ShowCursor): string {
  const position = `${startMicros}.${id}`;
  return Buffer.from(`${position}.${checksum(position)}`).toString('base64url');
}

export function decodeCursor(raw: string): ShowCursor {
  const match = CURSOR_TEXT.exec(Buffer.from(raw, 'base64url').toString('latin1'));
  if (!match) throw invalidCursor();
  const [, startMicros, digits] = match as unknown as [string, string, string];
  const id = Number(digits);
  // Re-encoding must give the same string: Node's decoder skips stray characters, and the checksum must hold.
  if (id < 1 || id > MAX_ID || encodeCursor({ startMicros, id }) !== raw) throw invalidCursor();
  return { startMicros, id };
}

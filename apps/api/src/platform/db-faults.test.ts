import { describe, expect, it } from 'vitest';
import { classifyDbFault } from './db-faults.js';

const pgError = (code: string) => Object.assign(new Error(`SQLSTATE ${code}`), { code });

describe('classifyDbFault', () => {
  it.each(['55P03', '57014', '53300', '40P01', '40001'])('when PostgreSQL answers %s, then it is busy (retry)', (c) => {
    expect(classifyDbFault(pgError(c))).toBe('busy');
  });

  it.each(['57P01', '08006', 'ECONNREFUSED'])('when the server is gone (%s), then it is unavailable', (code) => {
    expect(classifyDbFault(pgError(code))).toBe('unavailable');
  });

  it.each(['23505', '23514', 'P0001'])('when a statement is refused (%s), then it is no fault of the database', (c) => {
    expect(classifyDbFault(pgError(c))).toBeNull();
  });
});

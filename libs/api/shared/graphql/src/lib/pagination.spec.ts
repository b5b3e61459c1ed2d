import { AppError } from './app-error';
import { decodeCursor, encodeCursor } from './pagination';

describe('cursors', () => {
  it('round-trip their parts', () => {
    const cursor = encodeCursor(['2026-11-25T10:00:00.000Z', 'abc']);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-25T10:00:00.000Z', 'abc']);
  });

  it('refuse anything this API did not issue', () => {
    expect(() => decodeCursor('garbage', 2)).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor(['only-one']), 2)).toThrow(/not a cursor/);
  });
});

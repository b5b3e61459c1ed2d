import { AppError } from './app-error';
import { decodeCursor, encodeCursor } from './pagination';

const ID = '0195f4a2-7c1e-7d3a-9b2f-1a2b3c4d5e6f';

describe('cursors', () => {
  it('round-trip their parts', () => {
    const cursor = encodeCursor(['2026-11-25T10:00:00.000Z', 3, 87.5, ID]);
    expect(decodeCursor(cursor, ['instant', 'integer', 'number', 'uuid'])).toEqual([
      '2026-11-25T10:00:00.000Z',
      3,
      87.5,
      ID,
    ]);
    expect(decodeCursor(encodeCursor(['2026-11-25T10:00:00.123456Z', 'h:42']), ['instant', 'text'])).toEqual([
      '2026-11-25T10:00:00.123456Z',
      'h:42',
    ]);
    expect(decodeCursor(encodeCursor(['9223372036854775807']), ['serial'])).toEqual(['9223372036854775807']);
  });

  it('refuse anything this API did not issue', () => {
    expect(() => decodeCursor('garbage', ['text', 'text'])).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor(['only-one']), ['text', 'text'])).toThrow(/not a cursor/);
  });

  it.each([
    ['an instant that is not one', ['2026-13-01T00:00:00.000Z'], ['instant']],
    ['a day that does not exist', ['2026-02-30T10:00:00.000Z'], ['instant']],
    ['a date without a time', ['2026-11-25'], ['instant']],
    ['a malformed id', ['-'.repeat(36)], ['uuid']],
    ['a fraction where an integer goes', [1.5], ['integer']],
    ['an integer beyond int4', [2 ** 31], ['integer']],
    ['text where a number goes', ['87.5'], ['number']],
    ['an id beyond bigint', ['9223372036854775808'], ['serial']],
    ['a negative id', ['-1'], ['serial']],
    ['a NUL in text', ['h\u0000'], ['text']],
  ] as const)('refuse %s', (_, parts, shape) => {
    expect(() => decodeCursor(encodeCursor(parts), shape)).toThrow(/not a cursor/);
  });
});

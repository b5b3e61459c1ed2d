import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { IsInstant } from './instant';

class Window {
  @IsInstant()
  since!: Date;
}

function problems(since: Date): string[] {
  return validateSync(plainToInstance(Window, { since })).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );
}

describe('IsInstant', () => {
  it('takes instants from 1900 to before the year 10000', () => {
    expect(problems(new Date('2026-11-27T09:00:00Z'))).toEqual([]);
    expect(problems(new Date('1900-01-01T00:00:00Z'))).toEqual([]);
  });

  it('refuses what PostgreSQL would fail on, saying why', () => {
    const message = 'since must be a date and time from 1900 to 9999, such as 2026-11-27T09:00:00Z';
    expect(problems(new Date('yesterday'))).toEqual([message]);
    expect(problems(new Date('-010000-01-01T00:00:00Z'))).toEqual([message]);
    expect(problems(new Date('+275760-01-01T00:00:00Z'))).toEqual([message]);
  });
});

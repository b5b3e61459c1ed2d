import { ErrorCode } from '@accord/api/shared/graphql';

import { amountError, markError, moveError, openError } from './pipeline-errors';

const move = { from: 'DEMO' as const, to: 'WON' as const, openedOn: '2026-11-02', today: '2026-11-25' };

describe('pipeline errors', () => {
  it('names the field and the rule of a bad amount', () => {
    expect(amountError('NEGATIVE')).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'amount: must not be negative',
      fields: [{ field: 'amount', message: 'must not be negative' }],
    });
    expect(amountError('TOO_LARGE').message).toBe('amount: must be at most 100,000,000,000');
  });

  it('answers moves of a closed opportunity and second opportunities with CONFLICT', () => {
    expect(moveError('ALREADY_CLOSED', { ...move, from: 'WON' })).toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'The opportunity is already closed WON.',
      details: { stage: 'WON' },
    });
    expect(openError('ALREADY_OPEN', 'OPPORTUNITY').code).toBe(ErrorCode.CONFLICT);
    expect(markError('ALREADY_MARKED', 'HELD').code).toBe(ErrorCode.CONFLICT);
  });

  it('says which day bounds a close date', () => {
    expect(moveError('CLOSE_DATE_BEFORE_OPENED', move)).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'closeDate: must not be before the opportunity opened (2026-11-02)',
      fields: [{ field: 'closeDate', message: 'must not be before the opportunity opened (2026-11-02)' }],
    });
    expect(moveError('CLOSE_DATE_IN_FUTURE', move).message).toBe(
      'closeDate: must not be after today (2026-11-25)',
    );
    expect(openError('LEAD_NOT_ACCEPTED', 'MQL').message).toBe(
      'Opportunities open on leads sales have accepted (SAL or SQL); this lead is MQL.',
    );
  });
});

import { dashboardAnswer } from '../testing/dashboard';
import { drillSummary } from './drill-summary';

describe('drillSummary', () => {
  const dashboard = dashboardAnswer({
    activities: [
      {
        ...dashboardAnswer().activities[0],
        key: 'calls-per-qualified-meeting',
        value: 7.75,
        numerator: 310,
        denominator: 40,
      },
    ],
  });
  const outcome = (
    key: string,
    parts: { value: number | null; numerator: number | null; denominator: number | null },
  ) =>
    drillSummary(
      key,
      { ...dashboard, outcomes: [{ ...dashboard.outcomes[0], key, unit: 'RATE', ...parts }] },
      'USD',
    );

  it('counts the rows of a count, a funnel step, an amount with its total, and a sales cycle with its median', () => {
    expect(
      ['mqls', 'funnel-SQL', 'revenue-won', 'sales-cycle-days', 'calls-per-qualified-meeting'].map((key) =>
        drillSummary(key, dashboard, 'EUR'),
      ),
    ).toEqual([
      '42 rows',
      '12 rows',
      '3 rows · 125,000 EUR',
      '3 rows · median 28 days',
      '350 rows · 310 calls, 40 qualified meetings',
    ]);
  });

  it("says how many of a rate's rows are in its numerator", () => {
    expect(outcome('sla-met', { value: 86.9, numerator: 53, denominator: 61 })).toBe(
      '61 rows · 53 of 61 within SLA',
    );
    expect(outcome('close-rate', { value: 100, numerator: 1, denominator: 1 })).toBe('1 row · 1 of 1 won');
    expect(outcome('mql-acceptance-rate', { value: null, numerator: 0, denominator: 0 })).toBe(
      '0 rows · 0 of 0 accepted',
    );
  });

  it('says nothing of a figure it does not know', () => {
    expect(drillSummary('nope', dashboard)).toBeNull();
  });
});

import { inFormOrder } from './issue-summary.component';

describe('inFormOrder', () => {
  it('lists the fields above the tabs first, then each tab left to right, keeping the order within one', () => {
    const issues = [
      { path: 'intent.temperature.hot', message: 'a' },
      { path: 'fit.grades.A', message: 'b' },
      { path: 'kpis[0].target', message: 'c' },
      { path: 'requestedEffectiveAt', message: 'd' },
      { path: 'fit.criteria[2].points', message: 'e' },
      { path: 'handover.routing', message: 'f' },
      { path: 'handover.matrix.A.HOT', message: 'g' },
    ];
    const order = [
      'fit',
      'intent',
      'handover.matrix',
      'handover.slaHours',
      'handover.routing',
      'sql',
      'kpis',
    ];
    expect(inFormOrder(issues, order).map((issue) => issue.message)).toEqual([
      'd',
      'b',
      'e',
      'a',
      'g',
      'f',
      'c',
    ]);
  });
});

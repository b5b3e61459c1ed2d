import { SAM_ID, proposedDocument, starter } from '../../testing/fixtures';
import { changeRow, describePath, parsePath } from './document-paths';

describe('parsePath', () => {
  it('reads names, positions and keys', () => {
    expect(parsePath('fit.criteria[2].condition.values[0]')).toEqual([
      { name: 'fit' },
      { name: 'criteria' },
      { index: 2 },
      { name: 'condition' },
      { name: 'values' },
      { index: 0 },
    ]);
    expect(parsePath('intent.signals[PRICING_PAGE_VISIT].weight')).toEqual([
      { name: 'intent' },
      { name: 'signals' },
      { id: 'PRICING_PAGE_VISIT' },
      { name: 'weight' },
    ]);
    expect(parsePath('')).toEqual([]);
  });
});

describe('describePath', () => {
  const documents = [proposedDocument()];

  it.each([
    ['fit.grades.A', 'Fit › Grade thresholds › Grade A'],
    ['fit.criteria[6].points', 'Fit › Criterion 7 “Uses a CRM” › Points'],
    [
      'fit.criteria[employees-200-1000].condition.max',
      // As the editor labels the bound.
      'Fit › Criterion “200–1,000 employees” › Employee count below',
    ],
    ['fit.criteria[5].condition.values[1]', 'Fit › Criterion 6 “Core markets” › Condition › Value 2'],
    ['fit.criteria[gone]', 'Fit › Criterion “gone”'],
    ['handover.matrix.A.WARM', 'Handover › Matrix › A × WARM'],
    ['handover.slaHours.HOT', 'Handover › SLA hours › HOT'],
    ['intent.temperature.hot', 'Intent › Temperature thresholds › HOT'],
    ['kpis[sqls].target.value', 'KPIs › KPI “SQLs” › Target'],
    ['rejectionReasons[5]', 'Rejection reasons › Reason 6 “Duplicate of an open lead”'],
    ['requestedEffectiveAt', 'Take effect on'],
    ['', 'The whole agreement'],
  ])('names %s as %s', (path, words) => {
    expect(describePath(path, documents)).toBe(words);
  });
});

describe('changeRow', () => {
  const people = new Map([[SAM_ID, 'Sam Sales']]);
  const documents = { before: starter(), after: proposedDocument() };

  it('shows a changed threshold with both numbers', () => {
    expect(
      changeRow({ path: 'fit.grades.A', kind: 'CHANGED', before: 75, after: 80 }, documents, { people }),
    ).toEqual({
      path: 'fit.grades.A',
      where: 'Fit › Grade thresholds › Grade A',
      kind: 'CHANGED',
      before: '75',
      after: '80',
    });
  });

  it('shows an added criterion as a sentence, with nothing before', () => {
    const added = proposedDocument().fit.criteria.at(-1);

    expect(
      changeRow({ path: 'fit.criteria[industry-fintech]', kind: 'ADDED', after: added }, documents, {
        people,
      }),
    ).toEqual({
      path: 'fit.criteria[industry-fintech]',
      where: 'Fit › Criterion “Financial services”',
      kind: 'ADDED',
      before: null,
      after: 'Financial services: Industry any of “Financial Services”, “Fintech”, +10 points',
    });
  });

  it('names a removed item from the older document', () => {
    const removed = starter().kpis[0];

    expect(
      changeRow(
        { path: 'kpis[mqls]', kind: 'REMOVED', before: removed },
        { before: starter(), after: null },
        { people },
      ),
    ).toEqual({
      path: 'kpis[mqls]',
      where: 'KPIs › KPI “MQLs”',
      kind: 'REMOVED',
      before: 'MQLs (outcome): 60 per month',
      after: null,
    });
  });

  it('words a rate KPI’s target as a percentage and a duration’s in days, with no period', () => {
    const row = (path: string, before: unknown, after: unknown) =>
      changeRow({ path, kind: 'CHANGED', before, after }, documents, { people });
    const sla = starter().kpis.find((kpi) => kpi.key === 'sla-met');

    expect(
      [
        row('kpis[sla-met].target', { value: 85, period: 'MONTH' }, { value: 90, period: 'MONTH' }),
        row('kpis[sales-cycle-days].target', null, { value: 30, period: 'QUARTER' }),
        changeRow({ path: 'kpis[sla-met]', kind: 'ADDED', after: sla }, documents, { people }),
      ].map((change) => [change.before, change.after]),
    ).toEqual([
      ['85%', '90%'],
      ['No target', '30 days'],
      [null, 'Handovers decided within SLA (outcome): 90%'],
    ]);
  });

  it('words open range bounds, KPI targets, matrix outcomes and routed members', () => {
    const row = (path: string, before: unknown, after: unknown) =>
      changeRow({ path, kind: 'CHANGED', before, after }, documents, { people });

    expect([
      [
        row('fit.criteria[employees-1000-plus].condition.max', null, 5000).before,
        row('x.max', null, 5000).after,
      ],
      [row('kpis[emails-sent].target', null, { value: 10, period: 'WEEK' }).after],
      [row('handover.matrix.C.WARM', 'NURTURE', 'FAST_TRACK').after],
      [row('handover.routing.memberIds', [SAM_ID], [SAM_ID, 'someone-else']).after],
      [row('fit.criteria[budget-holder].condition.value', true, false).after],
    ]).toEqual([['open', '5,000'], ['10 per week'], ['Fast track'], ['Sam Sales, someone-else'], ['no']]);
  });
});

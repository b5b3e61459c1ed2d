import { diffDocuments } from './diff';
import { starterAgreement } from './starter';

const TEAM = ['00000000-0000-4000-8000-0000000000a3'];

describe('diffDocuments', () => {
  it('finds nothing between equal documents, even with keyed lists reordered', () => {
    const before = starterAgreement(TEAM);
    const after = structuredClone(before);
    after.fit.criteria.reverse();
    expect(diffDocuments(before, after)).toEqual([]);
  });

  it('names changed fields by path, list items by key, with old and new values', () => {
    const before = starterAgreement(TEAM);
    const after = structuredClone(before);
    after.fit.grades.A = 80;
    after.fit.criteria[1].points = 30;
    after.intent.signals = after.intent.signals.filter((signal) => signal.type !== 'EMAIL_CLICK');
    after.rejectionReasons.push({
      key: 'duplicate',
      label: 'Duplicate lead',
      consequence: 'DISQUALIFY',
      recycleAfterDays: null,
    });
    after.handover.matrix.C.WARM = 'MQL';
    after.kpis[0].target = null;
    after.fit.criteria[4].condition = { kind: 'ANY_OF', values: ['Software'] };

    expect(diffDocuments(before, after)).toEqual([
      { path: 'fit.criteria[employees-200-1000].points', kind: 'CHANGED', before: 25, after: 30 },
      {
        path: 'fit.criteria[industry-software].condition.values',
        kind: 'CHANGED',
        before: ['Software', 'Internet', 'SaaS'],
        after: ['Software'],
      },
      { path: 'fit.grades.A', kind: 'CHANGED', before: 75, after: 80 },
      {
        path: 'intent.signals[EMAIL_CLICK]',
        kind: 'REMOVED',
        before: { type: 'EMAIL_CLICK', label: 'E-mail click', weight: 3, cap: 5, halfLifeDays: 7 },
      },
      { path: 'handover.matrix.C.WARM', kind: 'CHANGED', before: 'NURTURE', after: 'MQL' },
      {
        path: 'rejectionReasons[duplicate]',
        kind: 'ADDED',
        after: {
          key: 'duplicate',
          label: 'Duplicate lead',
          consequence: 'DISQUALIFY',
          recycleAfterDays: null,
        },
      },
      { path: 'kpis[mqls].target', kind: 'CHANGED', before: { value: 60, period: 'MONTH' }, after: null },
    ]);
  });

  it('reports a changed routing mode field by field', () => {
    const before = starterAgreement(TEAM);
    const after = structuredClone(before);
    after.handover.routing = {
      mode: 'TERRITORY',
      territories: [{ key: 'all', label: 'All', countries: ['US'], memberIds: TEAM }],
      fallbackMemberIds: TEAM,
    };
    expect(diffDocuments(before, after).map((change) => [change.path, change.kind])).toEqual([
      ['handover.routing.mode', 'CHANGED'],
      ['handover.routing.memberIds', 'REMOVED'],
      ['handover.routing.territories', 'ADDED'],
      ['handover.routing.fallbackMemberIds', 'ADDED'],
    ]);
  });
});

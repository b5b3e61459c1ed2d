import type { HandoverEntity, QueueRow } from '@accord/api/handovers/data-access';
import { starterAgreement } from '@accord/domain/agreement';

import { presentHandover, recentSignals } from './handover-presenter';

const at = (iso: string) => new Date(iso).getTime();

describe('recentSignals', () => {
  it('lists signal types most recent first, with their counts, at most five', () => {
    const summary = {
      EMAIL_CLICK: [at('2026-03-01'), at('2026-02-01')],
      DEMO_REQUEST: [at('2026-03-05')],
      EMPTY: [],
      A: [at('2026-01-01')],
      B: [at('2026-01-02')],
      C: [at('2026-01-03')],
      D: [at('2026-01-04')],
    };
    expect(recentSignals(summary).map((signal) => [signal.type, signal.count])).toEqual([
      ['DEMO_REQUEST', 1],
      ['EMAIL_CLICK', 2],
      ['D', 1],
      ['C', 1],
      ['B', 1],
    ]);
  });
});

describe('presentHandover', () => {
  const document = starterAgreement(['00000000-0000-4000-8000-000000000001']);
  const reason = document.rejectionReasons[0];
  const row: QueueRow = {
    handover: {
      id: 'h1',
      leadId: 'l1',
      versionId: 'v1',
      ownerId: 'm1',
      status: 'REJECTED',
      reasonKey: reason.key,
      decidedBy: null,
      handedOverAt: new Date('2026-03-01T00:00:00Z'),
      dueAt: new Date('2026-03-01T04:00:00Z'),
    } as HandoverEntity,
    lead: {
      email: 'ann@bigco.example',
      firstName: 'Ann',
      lastName: null,
      title: 'CTO',
      companyName: 'BigCo',
      country: 'US',
      source: 'webinar',
      campaign: null,
      stage: 'NURTURE',
      signalSummary: {},
    },
    ownerName: 'Sam',
    decidedByName: null,
    rowVersions: '1,1,1,',
  };

  it("names the lead and owner and reads the reason and the reasons from the handover's version", () => {
    const presented = presentHandover(row, { id: 'v1', number: 3, document });
    expect(presented).toMatchObject({
      id: 'h1',
      versionNumber: 3,
      owner: { id: 'm1', name: 'Sam' },
      decidedBy: null,
      lead: { id: 'l1', name: 'Ann', stage: 'NURTURE', recentSignals: [] },
      reason: { key: reason.key, label: reason.label, consequence: reason.consequence },
    });
    expect(presented.rejectionReasons.map((option) => option.key)).toEqual(
      document.rejectionReasons.map((option) => option.key),
    );
  });
});

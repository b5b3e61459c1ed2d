import { handoverPayload } from './handover-events';

describe('handover webhook payloads', () => {
  it('carry the handover with its scores to two decimals', () => {
    expect(
      handoverPayload({
        id: 'h1',
        leadId: 'l1',
        transitionId: 't1',
        versionId: 'v1',
        ownerId: null,
        grade: 'A',
        temperature: 'HOT',
        temperatureRank: 3,
        outcome: 'MQL',
        fitScore: 99.99999999999999,
        intentScore: 37.8449,
        explanation: '+20 employees 200–1000',
        handedOverAt: new Date('2026-03-01T10:00:00Z'),
        dueAt: new Date('2026-03-01T14:00:00Z'),
      }),
    ).toEqual({
      handoverId: 'h1',
      leadId: 'l1',
      versionId: 'v1',
      ownerId: null,
      grade: 'A',
      temperature: 'HOT',
      outcome: 'MQL',
      fitScore: 100,
      intentScore: 37.84,
      explanation: '+20 employees 200–1000',
      handedOverAt: '2026-03-01T10:00:00.000Z',
      dueAt: '2026-03-01T14:00:00.000Z',
    });
  });
});

import { eventDetails, toEventRow } from './event-row';

describe('toEventRow', () => {
  it('words an action with who, when, revision, comment and details', () => {
    expect(
      toEventRow(
        {
          id: '9',
          versionId: 'v2-id',
          versionNumber: 2,
          action: 'SIGNED',
          revision: 4,
          at: '2026-03-02T10:05:00.000Z',
          comment: 'Sales is in.',
          details: { side: 'SALES' },
          actor: { id: 'sam', name: 'Sam Sales' },
        },
        'UTC',
      ),
    ).toEqual({
      id: '9',
      versionId: 'v2-id',
      version: 'v2',
      action: 'Signed',
      who: 'Sam Sales',
      when: '2 Mar 2026, 10:05',
      revision: 4,
      comment: 'Sales is in.',
      details: ['for sales'],
    });
  });

  it('credits publication to Accord, which performs it after the second signature', () => {
    const row = toEventRow(
      {
        id: '10',
        versionId: 'v2-id',
        versionNumber: 2,
        action: 'PUBLISHED',
        revision: 4,
        at: '2026-03-02T10:05:00.000Z',
        comment: null,
        details: { effectiveAt: '2026-03-02T10:05:00.000Z', supersedesVersionNumber: 1 },
        actor: null,
      },
      'UTC',
    );

    expect([row.who, row.details]).toEqual(['Accord', ['in force from 2 Mar 2026, 10:05', 'supersedes v1']]);
  });
});

describe('eventDetails', () => {
  it('says only what carries information', () => {
    expect(
      eventDetails({
        changes: 1,
        signaturesVoided: 0,
        returnedToDraft: false,
        basedOnVersionNumber: null,
        somethingNew: { a: 1 },
      }),
    ).toEqual(['1 change', 'somethingNew: {"a":1}']);
    expect(eventDetails({ changes: 3, signaturesVoided: 2, returnedToDraft: true })).toEqual([
      '3 changes',
      '2 signatures voided',
      'returned to draft',
    ]);
  });
});

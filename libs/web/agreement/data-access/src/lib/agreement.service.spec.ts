import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { starterAgreement } from '@accord/domain/agreement';
import type { MemberStatus, Role } from '@accord/domain/workspace';

import { SAM_ID, eventNode, eventsPage, versionNode } from '../testing/versions';
import { colleagueNames, routableMembers, signersBySide } from './agreement-colleagues';
import { AgreementService, EVENTS_PAGE_SIZE, SEND_BACK_PAGES } from './agreement.service';

/** The next AgreementEvents request, once the service has sent it (each page waits for the one before). */
async function waitForOperation(apollo: ApolloTestingController) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [request] = apollo.match('AgreementEvents');
    if (request) return request;
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error('no AgreementEvents request was sent');
}

function setUp() {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [AgreementService] });
  return { service: TestBed.inject(AgreementService), apollo: TestBed.inject(ApolloTestingController) };
}

describe('AgreementService', () => {
  it('reads the versions with their documents typed by the domain', async () => {
    const { service, apollo } = setUp();

    const reading = service.versions();
    apollo.expectOne('AgreementVersions').flushData({ agreementVersions: [versionNode()] });
    const result = await reading;

    if (!result.ok) throw new Error(result.error.message);
    expect(
      result.value.map((version) => [version.number, version.status, version.document.fit.grades]),
    ).toEqual([[2, 'PROPOSED', { A: 75, B: 55, C: 35 }]]);
  });

  it('sends a save with the revision it started from', async () => {
    const { service, apollo } = setUp();
    const document = starterAgreement([SAM_ID]);

    const saving = service.save({ versionId: 'v2-id', baseRevision: 3, document, comment: 'Tighter A' });
    const request = apollo.expectOne('SaveAgreementDraft');
    expect(request.operation.variables).toEqual({
      input: { versionId: 'v2-id', baseRevision: 3, document, comment: 'Tighter A' },
    });
    request.flushData({ saveAgreementDraft: versionNode({ status: 'DRAFT', revision: 4 }) });

    const result = await saving;
    expect(result.ok && [result.value.status, result.value.revision]).toEqual(['DRAFT', 4]);
  });

  it('reports the revision a conflicting save lost to', async () => {
    const { service, apollo } = setUp();

    const saving = service.save({ versionId: 'v2-id', baseRevision: 3, document: {} });
    apollo.expectOne('SaveAgreementDraft').graphqlErrors([
      {
        message: 'v2 was changed by someone else: it is at revision 5, you worked on revision 3.',
        extensions: { code: 'CONFLICT', currentRevision: 5, status: 'DRAFT', changedBy: 'Mia Marketing' },
      },
    ]);

    expect(await saving).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'v2 was changed by someone else: it is at revision 5, you worked on revision 3.',
        fields: [],
        currentRevision: 5,
        changedBy: 'Mia Marketing',
      },
    });
  });

  it('keeps the field problems of a refused document', async () => {
    const { service, apollo } = setUp();

    const saving = service.save({ versionId: 'v2-id', baseRevision: 3, document: {} });
    apollo.expectOne('SaveAgreementDraft').graphqlErrors([
      {
        message: 'The agreement is not valid: document.fit.grades.A must be above B (55).',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'document.fit.grades.A', message: 'must be above B (55)' }],
        },
      },
    ]);

    expect(await saving).toEqual({
      ok: false,
      error: {
        code: 'BAD_USER_INPUT',
        message: 'The agreement is not valid: document.fit.grades.A must be above B (55).',
        fields: [{ field: 'document.fit.grades.A', message: 'must be above B (55)' }],
        currentRevision: null,
        changedBy: null,
      },
    });
  });

  it('reads a page of the audit trail after a cursor', async () => {
    const { service, apollo } = setUp();

    const reading = service.events({ after: 'cursor-20' });
    const request = apollo.expectOne('AgreementEvents');
    expect(request.operation.variables).toEqual({
      versionId: null,
      first: EVENTS_PAGE_SIZE,
      after: 'cursor-20',
    });
    const event = {
      __typename: 'AgreementEvent',
      id: '7',
      versionId: 'v2-id',
      versionNumber: 2,
      action: 'PROPOSED',
      revision: 3,
      at: '2026-03-02T09:00:00.000Z',
      comment: 'Please review',
      details: {},
      actor: { __typename: 'AgreementPerson', id: 'mia-id', name: 'Mia Marketing' },
    };
    request.flushData({
      agreementEvents: {
        __typename: 'AgreementEventConnection',
        edges: [{ __typename: 'AgreementEventEdge', node: event }],
        pageInfo: { __typename: 'PageInfo', endCursor: 'cursor-21', hasNextPage: false },
      },
    });

    const result = await reading;
    expect(result.ok && result.value).toEqual({
      events: [expect.objectContaining({ id: '7', action: 'PROPOSED', comment: 'Please review' })],
      endCursor: 'cursor-21',
      hasNextPage: false,
    });
  });

  it('reads a draft’s trail back to the send-back it waits on, a page at a time', async () => {
    const { service, apollo } = setUp();

    const reading = service.standingSendBack('v2-id');
    const first = apollo.expectOne('AgreementEvents');
    expect(first.operation.variables).toEqual({ versionId: 'v2-id', first: EVENTS_PAGE_SIZE, after: null });
    first.flushData(eventsPage([eventNode({ id: '30', action: 'EDITED', comment: null })], 'cursor-30'));
    const second = await waitForOperation(apollo);
    expect(second.operation.variables['after']).toBe('cursor-30');
    second.flushData(
      eventsPage([eventNode({ id: '9' }), eventNode({ id: '8', action: 'PROPOSED' })], 'cursor-8'),
    );

    const result = await reading;
    expect(result.ok && [result.value?.id, result.value?.actor?.name, result.value?.comment]).toEqual([
      '9',
      'Sam Sales',
      'Keep grade A at 75.',
    ]);
  });

  it('gives up on an old send-back after a bounded number of pages', async () => {
    const { service, apollo } = setUp();

    const reading = service.standingSendBack('v2-id');
    for (let page = 0; page < SEND_BACK_PAGES; page++) {
      const request = await waitForOperation(apollo);
      request.flushData(eventsPage([eventNode({ id: `${page}`, action: 'EDITED' })], `cursor-${page}`));
    }

    expect(await reading).toEqual({ ok: true, value: null });
    apollo.expectNone('AgreementEvents');
  });

  it('reads the colleagues every role may read: routing offers active sales members, signing active approvers', async () => {
    const { service, apollo } = setUp();
    const colleague = (id: string, roles: Role[], status: MemberStatus, approver = false) => ({
      __typename: 'Colleague' as const,
      id,
      name: `Member ${id}`,
      roles,
      status,
      approver,
    });
    const colleagues = [
      colleague('a', ['SALES'], 'ACTIVE'),
      colleague('b', ['MARKETING', 'SALES'], 'ACTIVE', true),
      colleague('c', ['SALES', 'ADMIN'], 'DEACTIVATED', true),
      colleague('d', ['SALES'], 'INVITED', true),
      colleague('e', ['ADMIN'], 'ACTIVE', true),
    ];

    const reading = service.colleagues();
    apollo.expectOne('AgreementColleagues').flushData({ colleagues });
    const result = await reading;
    const read = result.ok ? result.value : [];

    expect(read).toEqual(colleagues);
    expect(routableMembers(read)).toEqual([
      { id: 'a', name: 'Member a' },
      { id: 'b', name: 'Member b' },
    ]);
    expect(signersBySide(read)).toEqual({
      MARKETING: [{ id: 'b', name: 'Member b' }],
      SALES: [{ id: 'b', name: 'Member b' }],
    });
    expect(colleagueNames(read).get('c')).toBe('Member c');
  });
});

import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import type { Role } from '@accord/domain/workspace';
import { CLOCK } from '@accord/web/shared/data-access';

import { SAM_ID, eventNode, eventsPage, versionNode } from '../testing/versions';
import {
  AgreementDraftStore,
  conflictHeadline,
  editingRevisionText,
  toDocumentIssue,
} from './agreement-draft.store';
import { AgreementService } from './agreement.service';

/** The editor's "today": Saturday 28 November 2026, mid-morning in UTC. */
const NOW = new Date('2026-11-28T10:00:00.000Z');

async function loaded(node = versionNode()) {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [AgreementService, AgreementDraftStore, { provide: CLOCK, useValue: () => NOW }],
  });
  const store = TestBed.inject(AgreementDraftStore);
  const apollo = TestBed.inject(ApolloTestingController);
  const loading = store.load('v2-id');
  apollo.expectOne('AgreementVersion').flushData({ agreementVersion: node });
  await loading;
  return { store, apollo };
}

describe('AgreementDraftStore', () => {
  it('validates every change with the domain rules and blocks saving while invalid', async () => {
    const { store } = await loaded();

    store.edit((document) => {
      document.fit.grades.A = 40;
    });

    expect(store.issues()).toEqual([
      { path: 'fit.grades.A', message: 'must be above B (55)' },
      { path: 'fit.grades.B', message: 'must be below A (40)' },
    ]);
    expect([store.valid(), store.dirty(), store.canSave()]).toEqual([false, true, false]);
    expect(store.version()?.document.fit.grades.A).toBe(75);
  });

  it('saves the normalised document over the revision the edit started from', async () => {
    const { store, apollo } = await loaded();
    store.edit((document) => {
      document.fit.grades.A = 80;
      document.fit.criteria[0].label = '  Mid-market  ';
    });

    const saving = store.save('Tighter A');
    const request = apollo.expectOne('SaveAgreementDraft');
    const input = request.operation.variables['input'];
    expect([input.versionId, input.baseRevision, input.comment, input.requestedEffectiveAt]).toEqual([
      'v2-id',
      3,
      'Tighter A',
      null,
    ]);
    expect([input.document.fit.grades.A, input.document.fit.criteria[0].label]).toEqual([80, 'Mid-market']);
    request.flushData({
      saveAgreementDraft: versionNode({ status: 'DRAFT', revision: 4, document: input.document }),
    });
    await saving;

    expect([store.version()?.status, store.version()?.revision, store.dirty(), store.canPropose()]).toEqual([
      'DRAFT',
      4,
      false,
      true,
    ]);
  });

  it('keeps the member’s edits when someone saved first, and saves them over the winning revision on request', async () => {
    const { store, apollo } = await loaded();
    store.edit((document) => {
      document.fit.grades.A = 85;
    });

    const saving = store.save(null);
    apollo.expectOne('SaveAgreementDraft').graphqlErrors([
      {
        message: 'v2 was changed by someone else: it is at revision 5, you worked on revision 3.',
        extensions: { code: 'CONFLICT', currentRevision: 5 },
      },
    ]);
    await saving;

    expect(store.conflict()).toEqual({
      currentRevision: 5,
      changedBy: null,
      message: 'v2 was changed by someone else: it is at revision 5, you worked on revision 3.',
    });
    expect([store.document()?.fit.grades.A, store.dirty(), store.call.error()]).toEqual([85, true, null]);

    const overwriting = store.saveOverTheirs(null);
    const retry = apollo.expectOne('SaveAgreementDraft');
    expect(retry.operation.variables['input'].baseRevision).toBe(5);
    expect(retry.operation.variables['input'].document.fit.grades.A).toBe(85);
    retry.flushData({
      saveAgreementDraft: versionNode({
        status: 'DRAFT',
        revision: 6,
        document: retry.operation.variables['input'].document,
      }),
    });
    await overwriting;

    expect([store.conflict(), store.version()?.revision, store.document()?.fit.grades.A]).toEqual([
      null,
      6,
      85,
    ]);
  });

  it('drops the member’s edits for the winning version when they choose theirs', async () => {
    const { store, apollo } = await loaded();
    store.edit((document) => {
      document.fit.grades.A = 85;
    });
    const saving = store.save(null);
    apollo
      .expectOne('SaveAgreementDraft')
      .graphqlErrors([
        { message: 'Changed by someone else.', extensions: { code: 'CONFLICT', currentRevision: 5 } },
      ]);
    await saving;

    const reloading = store.reloadTheirs();
    const theirs = versionNode({ status: 'DRAFT', revision: 5 });
    theirs.document.fit.grades.A = 90;
    apollo.expectOne('AgreementVersion').flushData({ agreementVersion: theirs });
    await reloading;

    expect([
      store.conflict(),
      store.version()?.revision,
      store.document()?.fit.grades.A,
      store.dirty(),
    ]).toEqual([null, 5, 90, false]);
  });

  it('shows the API’s field problems at the domain paths', async () => {
    const { store, apollo } = await loaded();
    store.edit((document) => {
      document.handover.routing = {
        mode: 'ROUND_ROBIN',
        memberIds: ['00000000-0000-4000-8000-0000000000ff'],
      };
    });

    const saving = store.save(null);
    apollo.expectOne('SaveAgreementDraft').graphqlErrors([
      {
        message: 'Leads can only be routed to active sales members.',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'document.handover.routing', message: 'is not an active sales member' }],
        },
      },
    ]);
    await saving;

    expect(store.issues()).toEqual([{ path: 'handover.routing', message: 'is not an active sales member' }]);
    expect([store.call.error(), store.conflict()]).toEqual([
      'Leads can only be routed to active sales members.',
      null,
    ]);
  });

  it('names routed members who cannot take leads before saving, and asks for a team before proposing', async () => {
    const { store } = await loaded();
    const colleague = (id: string, name: string, roles: Role[]) => ({
      __typename: 'Colleague' as const,
      id,
      name,
      roles,
      status: 'ACTIVE' as const,
      approver: false,
    });
    const olivia = '00000000-0000-4000-8000-0000000000c1';
    store.setColleagues([
      colleague(olivia, 'Olivia Admin', ['ADMIN']),
      colleague(SAM_ID, 'Sam Sales', ['SALES']),
    ]);

    store.edit((document) => {
      document.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [olivia] };
    });

    expect(store.routableMembers()).toEqual([{ id: SAM_ID, name: 'Sam Sales' }]);
    expect(store.issues()).toEqual([
      { path: 'handover.routing.memberIds[0]', message: 'Olivia Admin is not an active sales member' },
    ]);
    expect([store.valid(), store.canSave()]).toEqual([false, false]);

    store.edit((document) => {
      document.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [] };
    });

    // An empty team saves (a new workspace has no sales members yet), but cannot be proposed.
    expect([store.issues(), store.canSave()]).toEqual([[], true]);
    expect(store.proposalIssues()).toEqual([
      { path: 'handover.routing.memberIds', message: 'must name at least one sales member before proposing' },
    ]);
  });

  it('refuses a day to take effect that is not after today before saving, in the editor’s words', async () => {
    const { store, apollo } = await loaded();
    store.edit((document) => {
      document.fit.grades.A = 80;
    });

    store.setRequestedEffectiveAt('2026-11-27T00:00:00.000Z');

    const advice = 'choose a date after today, or leave it empty to take effect as soon as both sides sign';
    expect(store.issues()).toEqual([{ path: 'requestedEffectiveAt', message: advice }]);
    expect(store.canSave()).toBe(false);
    expect(await store.save(null)).toBeNull();
    apollo.expectNone('SaveAgreementDraft');

    store.setRequestedEffectiveAt('2026-11-28T00:00:00.000Z');
    expect([store.issues(), store.canSave()]).toEqual([
      [{ path: 'requestedEffectiveAt', message: advice }],
      false,
    ]);

    store.setRequestedEffectiveAt('2026-11-29T00:00:00.000Z');
    expect([store.issues(), store.canSave()]).toEqual([[], true]);
  });

  it('still proposes a saved draft whose day to take effect has passed since: it then takes effect at once', async () => {
    const { store } = await loaded(
      versionNode({ status: 'DRAFT', revision: 4, requestedEffectiveAt: '2026-11-27T00:00:00.000Z' }),
    );

    expect([store.issues().map((issue) => issue.path), store.canSave(), store.canPropose()]).toEqual([
      ['requestedEffectiveAt'],
      false,
      true,
    ]);
  });

  it('reads the send-back a draft waits on, and forgets it once the draft is proposed again', async () => {
    const { store, apollo } = await loaded(versionNode({ status: 'DRAFT', revision: 4 }));
    apollo
      .expectOne('AgreementEvents')
      .flushData(eventsPage([eventNode({ id: '10', action: 'EDITED', comment: null }), eventNode()]));
    await new Promise((resolve) => setTimeout(resolve));
    expect([store.sentBack()?.actor?.name, store.sentBack()?.comment]).toEqual([
      'Sam Sales',
      'Keep grade A at 75.',
    ]);

    const proposing = store.propose(null);
    apollo
      .expectOne('ProposeAgreementVersion')
      .flushData({ proposeAgreementVersion: versionNode({ status: 'PROPOSED', revision: 4 }) });
    await proposing;

    expect(store.sentBack()).toBeNull();
  });

  it('proposes the saved revision', async () => {
    const { store, apollo } = await loaded();
    store.edit((document) => {
      document.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [SAM_ID] };
      document.fit.grades.A = 70;
    });
    const saving = store.save(null);
    const save = apollo.expectOne('SaveAgreementDraft');
    save.flushData({
      saveAgreementDraft: versionNode({
        status: 'DRAFT',
        revision: 4,
        document: save.operation.variables['input'].document,
      }),
    });
    await saving;

    const proposing = store.propose('Please sign');
    const request = apollo.expectOne('ProposeAgreementVersion');
    expect(request.operation.variables).toEqual({
      input: { versionId: 'v2-id', revision: 4, comment: 'Please sign' },
    });
    request.flushData({ proposeAgreementVersion: versionNode({ status: 'PROPOSED', revision: 4 }) });

    expect((await proposing)?.ok).toBe(true);
    expect(store.version()?.status).toBe('PROPOSED');
  });
});

describe('conflictHeadline', () => {
  it('names who saved the winning revision when the API says, "you" for another tab of the same member', () => {
    const conflict = { currentRevision: 5, message: '' };
    expect(
      [null, 'Mia Marketing', 'you'].map((changedBy) => conflictHeadline({ ...conflict, changedBy })),
    ).toEqual([
      'Someone saved revision 5 first.',
      'Mia Marketing saved revision 5 first.',
      'You saved revision 5 first, in another tab or window.',
    ]);
    expect(conflictHeadline({ currentRevision: null, changedBy: 'Mia', message: '' })).toBe(
      'Someone changed this version first.',
    );
  });
});

describe('editingRevisionText', () => {
  it('names the revision edited, and during a conflict the one that won', () => {
    const conflict = { changedBy: 'Mia', message: '' };
    expect([
      editingRevisionText(4, null),
      editingRevisionText(4, { ...conflict, currentRevision: 5 }),
      editingRevisionText(4, { ...conflict, currentRevision: null }),
    ]).toEqual([
      'revision 4',
      'your edits start from revision 4; the latest is revision 5',
      'your edits start from revision 4, since changed',
    ]);
  });
});

describe('toDocumentIssue', () => {
  it('reads document fields at their domain path and keeps other fields as named', () => {
    expect(
      [
        { field: 'document.fit.criteria[2].points', message: 'must be at most 100' },
        { field: 'document', message: 'the document must be an object' },
        { field: 'requestedEffectiveAt', message: 'must be in the future' },
      ].map(toDocumentIssue),
    ).toEqual([
      { path: 'fit.criteria[2].points', message: 'must be at most 100' },
      { path: '', message: 'the document must be an object' },
      { path: 'requestedEffectiveAt', message: 'must be in the future' },
    ]);
  });
});

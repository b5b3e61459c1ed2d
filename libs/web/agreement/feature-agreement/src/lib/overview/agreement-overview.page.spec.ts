import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { SAM_ID, sessionFor, v1Node, versionNode } from '../../testing/fixtures';
import { AgreementOverviewPage } from './agreement-overview.page';

type Session = ReturnType<typeof sessionFor>;

function event(id: string, action: string, fields: Record<string, unknown> = {}) {
  return {
    __typename: 'AgreementEventEdge',
    node: {
      __typename: 'AgreementEvent',
      id,
      versionId: 'v2-id',
      versionNumber: 2,
      action,
      revision: 3,
      at: '2026-03-02T09:00:00.000Z',
      comment: null,
      details: {},
      actor: { __typename: 'AgreementPerson', id: 'mia-id', name: 'Mia Marketing' },
      ...fields,
    },
  };
}

function eventPage(edges: ReturnType<typeof event>[], endCursor: string, hasNextPage: boolean) {
  return {
    agreementEvents: {
      __typename: 'AgreementEventConnection',
      edges,
      pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage },
    },
  };
}

/** The page signed in as `session`, its requests not answered yet. */
async function renderPage(session: Session): Promise<ApolloTestingController> {
  await render(AgreementOverviewPage, {
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([{ path: '**', children: [] }]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
    ],
    configureTestBed: () => TestBed.inject(AuthStore).start(session),
  });
  return TestBed.inject(ApolloTestingController);
}

async function renderOverview(session: Session, versions = [versionNode(), v1Node()]) {
  const apollo = await renderPage(session);
  apollo.expectOne('AgreementVersions').flushData({ agreementVersions: versions });
  apollo
    .expectOne('AgreementEvents')
    .flushData(
      eventPage([event('2', 'PROPOSED', { comment: 'Please review' }), event('1', 'EDITED')], 'c2', true),
    );
  await screen.findByRole('heading', { level: 1, name: 'Lead agreement' });
  return apollo;
}

const mia = sessionFor('mia-id', 'Mia Marketing', ['MARKETING'], true);

/** The API's comparison of v1 and v2: one grade threshold changed. */
const V1_TO_V2 = {
  agreementDiff: {
    __typename: 'AgreementDiff',
    from: { __typename: 'AgreementVersion', id: 'v1-id', number: 1 },
    to: { __typename: 'AgreementVersion', id: 'v2-id', number: 2 },
    changes: [
      { __typename: 'AgreementChange', path: 'fit.grades.A', kind: 'CHANGED', before: 75, after: 80 },
    ],
  },
};

/** Ticks v2, then v1, in the version history: the two a comparison needs. */
async function pickV1AndV2(): Promise<void> {
  fireEvent.click(await screen.findByRole('checkbox', { name: 'Compare v2' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Compare v1' }));
}

describe('AgreementOverviewPage', () => {
  it('does not offer to start a draft when the versions could not be loaded', async () => {
    const apollo = await renderPage(mia);
    apollo.expectOne('AgreementVersions').networkError(new Error('offline'));
    apollo.expectOne('AgreementEvents').networkError(new Error('offline'));

    await waitFor(() => expect(screen.getAllByRole('alert')[0].textContent?.trim()).not.toBe(''));
    expect(screen.queryByText('No version is in force yet.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start a new draft' })).toBeNull();
  });

  it('shows the version in force with its signers and the open proposal', async () => {
    await renderOverview(sessionFor(SAM_ID, 'Sam Sales', ['SALES'], true));

    const inForce = screen.getByRole('region', { name: 'In force' });
    await waitFor(() => expect(inForce.textContent).toContain('v1 since 1 Jan 2026'));
    expect(inForce.textContent?.replace(/\s+/g, ' ')).toContain(
      'Signed for marketing by Mia Marketing; Signed for sales by Sam Sales.',
    );
    const open = screen.getByRole('region', { name: 'Open for change' });
    expect(open.textContent).toContain('v2 · Proposed · revision 3');
    expect(screen.getByRole('link', { name: 'Review proposal' }).getAttribute('href')).toBe(
      '/agreement/versions/v2-id',
    );
    expect(screen.queryByRole('link', { name: /^Edit/ })).toBeNull();
  });

  it("reads its times on the workspace's clock, and says which", async () => {
    const berlin = sessionFor(SAM_ID, 'Sam Sales', ['SALES'], true);
    await renderOverview({ ...berlin, workspace: { ...berlin.workspace, timeZone: 'Europe/Berlin' } });

    expect(screen.getByText('Times in Europe/Berlin')).toBeTruthy();
    const inForce = screen.getByRole('region', { name: 'In force' });
    await waitFor(() => expect(inForce.textContent).toContain('v1 since 1 Jan 2026, 01:00'));
  });

  it('offers marketing the editor for the open proposal', async () => {
    await renderOverview(mia);

    const edit = await screen.findByRole('link', { name: 'Edit proposal' });
    expect(edit.getAttribute('href')).toBe('/agreement/versions/v2-id/edit');
    expect(screen.queryByRole('button', { name: 'Start a new draft' })).toBeNull();
  });

  it('lets marketing start a draft when none is open', async () => {
    const apollo = await renderOverview(mia, [v1Node()]);

    fireEvent.click(await screen.findByRole('button', { name: 'Start a new draft' }));
    apollo.expectOne('CreateAgreementDraft').flushData({
      createAgreementDraft: versionNode({ id: 'v3-id', number: 3, status: 'DRAFT', revision: 1 }),
    });

    await waitFor(() => expect(TestBed.inject(Router).url).toBe('/agreement/versions/v3-id/edit'));
  });

  it('offers an executive no way to start a draft', async () => {
    await renderOverview(sessionFor('eve-id', 'Eve Exec', ['EXECUTIVE'], false), [v1Node()]);

    await screen.findByText('No draft or proposal is open.');
    expect(screen.queryByRole('button', { name: 'Start a new draft' })).toBeNull();
  });

  it('compares two picked versions, older to newer', async () => {
    const apollo = await renderOverview(mia);

    await pickV1AndV2();

    const diff = apollo.expectOne('AgreementDiff');
    expect(diff.operation.variables).toEqual({ fromId: 'v1-id', toId: 'v2-id' });
    diff.flushData(V1_TO_V2);

    const table = await screen.findByRole('table', { name: 'Changes from v1 to v2' });
    expect(table.textContent).toContain('Fit › Grade thresholds › Grade A');
  });

  it("names the members two versions' routing hands leads to, not their ids", async () => {
    const riley = '00000000-0000-4000-8000-0000000000a5';
    const apollo = await renderPage(mia);
    apollo.expectOne('AgreementVersions').flushData({ agreementVersions: [versionNode(), v1Node()] });
    apollo.expectOne('AgreementEvents').flushData(eventPage([], 'c0', false));
    apollo.expectOne('AgreementColleagues').flushData({
      colleagues: [
        {
          __typename: 'Colleague',
          id: riley,
          name: 'Riley Rep',
          roles: ['SALES'],
          status: 'ACTIVE',
          approver: false,
        },
      ],
    });
    await pickV1AndV2();
    apollo.expectOne('AgreementDiff').flushData({
      agreementDiff: {
        ...V1_TO_V2.agreementDiff,
        changes: [
          {
            __typename: 'AgreementChange',
            path: 'handover.routing.memberIds',
            kind: 'CHANGED',
            before: [SAM_ID, riley],
            after: [riley],
          },
        ],
      },
    });

    const table = await screen.findByRole('table', { name: 'Changes from v1 to v2' });
    expect(table.textContent).toContain('Riley Rep');
    expect(table.textContent).not.toContain(riley);
  });

  it('takes the comparison away once one of its two versions is un-picked', async () => {
    const apollo = await renderOverview(mia);
    await pickV1AndV2();
    apollo.expectOne('AgreementDiff').flushData(V1_TO_V2);
    await screen.findByRole('table', { name: 'Changes from v1 to v2' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare v1' }));

    await waitFor(() => expect(screen.queryByRole('table', { name: 'Changes from v1 to v2' })).toBeNull());
    apollo.expectNone('AgreementDiff');
  });

  it('drops an answer to a comparison un-picked while it loaded', async () => {
    const apollo = await renderOverview(mia);
    await pickV1AndV2();
    const diff = apollo.expectOne('AgreementDiff');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare v2' }));
    diff.flushData(V1_TO_V2);

    // Given time to show up, the answer does not.
    await expect(
      screen.findByRole('table', { name: 'Changes from v1 to v2' }, { timeout: 500 }),
    ).rejects.toThrow();
  });

  it('pages through the audit trail', async () => {
    const apollo = await renderOverview(mia);
    await screen.findByText('“Please review”');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const more = apollo.expectOne('AgreementEvents');
    expect(more.operation.variables['after']).toBe('c2');
    more.flushData(eventPage([event('0', 'CREATED', { details: { basedOnVersionNumber: 1 } })], 'c3', false));

    await screen.findByText('copied from v1');
    expect(screen.getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual([
      'Proposed',
      'Edited',
      'Created',
    ]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});

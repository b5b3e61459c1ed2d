import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, SESSION_STORAGE } from '@accord/web/shared/data-access';

import {
  SAM_ID,
  proposedDocument,
  sessionFor,
  signatureNode,
  starter,
  v1Node,
  versionNode,
} from '../../testing/fixtures';
import { AgreementVersionPage } from './agreement-version.page';

type Session = ReturnType<typeof sessionFor>;

const diff = {
  agreementDiff: {
    __typename: 'AgreementDiff',
    from: { __typename: 'AgreementVersion', id: 'v1-id', number: 1 },
    to: { __typename: 'AgreementVersion', id: 'v2-id', number: 2 },
    changes: [
      { __typename: 'AgreementChange', path: 'fit.grades.A', kind: 'CHANGED', before: 75, after: 80 },
    ],
  },
};

async function renderVersion(session: Session, node = versionNode()): Promise<ApolloTestingController> {
  await render(AgreementVersionPage, {
    inputs: { id: 'v2-id' },
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
    ],
    configureTestBed: () => TestBed.inject(AuthStore).start(session),
  });
  const apollo = TestBed.inject(ApolloTestingController);
  apollo.expectOne('AgreementVersion').flushData({ agreementVersion: node });
  apollo.expectOne('AgreementVersions').flushData({ agreementVersions: [node, v1Node()] });
  await waitFor(() => apollo.expectOne('AgreementDiff').flushData(diff));
  await screen.findByRole('heading', { level: 1, name: /v2/ });
  return apollo;
}

const sam = sessionFor(SAM_ID, 'Sam Sales', ['SALES'], true);

describe('AgreementVersionPage', () => {
  it('shows a proposal’s changes against the version in force, worded', async () => {
    await renderVersion(sam);

    const changes = await screen.findByRole('table', { name: 'Changes from v1 to v2' });
    expect(
      within(changes)
        .getAllByRole('row')
        .slice(1)
        .map((row) => Array.from(row.children).map((cell) => cell.textContent?.trim())),
    ).toEqual([['Fit › Grade thresholds › Grade A', 'Changed', '75', '80']]);
    expect(screen.getByRole('heading', { name: 'Changes from v1 (in force)' })).toBeTruthy();
  });

  it('names the members routing hands leads to, from the workspace’s colleagues', async () => {
    const riley = '00000000-0000-4000-8000-0000000000a5';
    const document = proposedDocument();
    document.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [SAM_ID, riley] };
    const apollo = await renderVersion(sam, versionNode({ document }));
    expect(await screen.findByText(`Round robin to Sam Sales, ${riley}.`)).toBeTruthy();

    apollo.expectOne('AgreementColleagues').flushData({
      colleagues: [
        {
          __typename: 'Colleague',
          id: riley,
          name: 'Riley Rep',
          roles: ['SALES'],
          status: 'DEACTIVATED',
          approver: true,
        },
      ],
    });

    expect(await screen.findByText('Round robin to Sam Sales, Riley Rep.')).toBeTruthy();
  });

  it('offers a sales approver the sales signature only, and signs the revision shown', async () => {
    const apollo = await renderVersion(sam);

    expect(screen.queryByRole('button', { name: 'Sign for marketing' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Edit/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign for sales' }));

    const sign = apollo.expectOne('SignAgreementVersion');
    expect(sign.operation.variables).toEqual({
      input: { versionId: 'v2-id', revision: 3, side: 'SALES', comment: null },
    });
    const published = versionNode({
      status: 'PUBLISHED',
      inForce: true,
      effectiveAt: '2026-03-02T10:00:00.000Z',
      signatures: [
        signatureNode('MARKETING', 'mia-id', 'Mia Marketing'),
        signatureNode('SALES', SAM_ID, 'Sam Sales'),
      ],
    });
    sign.flushData({ signAgreementVersion: published });
    await waitFor(() => apollo.expectOne('AgreementVersion').flushData({ agreementVersion: published }));
    apollo.expectOne('AgreementVersions').flushData({
      agreementVersions: [published, v1Node({ status: 'SUPERSEDED', inForce: false })],
    });
    await waitFor(() => apollo.expectOne('AgreementDiff').flushData(diff));

    await screen.findByText('Published');
    // Publishing queues a rescore of every lead under v2: the page follows it until it is done.
    const run = { __typename: 'RescoreRun', id: 'run-1', status: 'RUNNING', processed: 120, total: 480 };
    await waitFor(() =>
      apollo.expectOne('ScoringStatus').flushData({
        scoringStatus: {
          __typename: 'ScoringStatus',
          scoredVersionNumber: 1,
          latestRun: { ...run, versionNumber: 2, startedAt: null, finishedAt: null, error: null },
        },
      }),
    );
    const rescore = await screen.findByRole('status', { name: 'Rescore progress' });
    expect(rescore.textContent?.trim()).toBe('Rescoring under v2: 120 of 480 leads (25%).');
    expect(screen.getByText(/in force since 2 Mar 2026/)).toBeTruthy();
    expect(screen.getByText(/Signed for sales by Sam Sales/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign for sales' })).toBeNull();
  });

  it("shows the server's message when a signature is refused", async () => {
    const apollo = await renderVersion(sam);

    fireEvent.click(screen.getByRole('button', { name: 'Sign for sales' }));
    apollo
      .expectOne('SignAgreementVersion')
      .graphqlErrors([
        { message: 'Only a sales approver can sign for sales.', extensions: { code: 'FORBIDDEN' } },
      ]);

    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((alert) => alert.textContent?.trim())).toContain(
        'Only a sales approver can sign for sales.',
      ),
    );
  });

  it('asks what should change before sending a proposal back', async () => {
    const apollo = await renderVersion(sam);

    fireEvent.click(screen.getByRole('button', { name: 'Send back' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send back' }));
    expect(within(dialog).getByRole('alert').textContent?.trim()).toBe('Say what should change.');
    apollo.expectNone('SendBackAgreementVersion');

    fireEvent.input(within(dialog).getByLabelText(/What should change/), {
      target: { value: 'Keep A at 75' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send back' }));

    const sendBack = await waitFor(() => apollo.expectOne('SendBackAgreementVersion'));
    expect(sendBack.operation.variables).toEqual({
      input: { versionId: 'v2-id', revision: 3, comment: 'Keep A at 75' },
    });
  });

  it('lets an executive read everything and change nothing', async () => {
    await renderVersion(sessionFor('eve-id', 'Eve Exec', ['EXECUTIVE'], false));

    expect(screen.getByRole('heading', { name: 'ICP & fit' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Financial services/ })).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('link', { name: /Edit/ })).toBeNull();
  });

  it('says who signed and whose signature is still missing, in the decision box too', async () => {
    const signed = versionNode({ signatures: [signatureNode('MARKETING', 'mia-id', 'Mia Marketing')] });
    await renderVersion(sessionFor('mia-id', 'Mia Marketing', ['MARKETING'], true), signed);

    const signatures = screen.getByRole('region', { name: 'Signatures' });
    expect(signatures.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      "Signatures Signed for marketing by Mia Marketing, 2 Mar 2026, 10:00 Waiting for a sales approver's signature.",
    );
    const decision = screen.getByRole('region', { name: 'Your decision on revision 3' });
    expect(
      within(decision)
        .getByText(/You signed revision 3 for marketing/)
        .textContent?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe(
      "You signed revision 3 for marketing. Waiting for a sales approver's signature. You can still send it back.",
    );
    expect(within(decision).queryByRole('button', { name: /Sign for/ })).toBeNull();
  });

  it('offers marketing the editor for a proposal', async () => {
    await renderVersion(sessionFor('mia-id', 'Mia Marketing', ['MARKETING'], true));

    expect(screen.getByRole('link', { name: 'Edit proposal' }).getAttribute('href')).toBe(
      '/agreement/versions/v2-id/edit',
    );
    expect(screen.getByRole('button', { name: 'Sign for marketing' })).toBeTruthy();
  });

  it('names routed members where the page knows them', async () => {
    const document = starter();
    await renderVersion(sam, versionNode({ document }));

    expect(screen.getByText('Round robin to Sam Sales.')).toBeTruthy();
  });

  it('warns an admin when no one can sign a side the proposal waits for, and names who can sign the other', async () => {
    const olivia = sessionFor('olivia-id', 'Olivia Admin', ['ADMIN', 'MARKETING'], true);
    const apollo = await renderVersion(olivia);
    const colleague = (id: string, name: string, roles: string[], approver: boolean) => ({
      __typename: 'Colleague',
      id,
      name,
      roles,
      status: 'ACTIVE',
      approver,
    });

    apollo.expectOne('AgreementColleagues').flushData({
      colleagues: [
        colleague('olivia-id', 'Olivia Admin', ['ADMIN', 'MARKETING'], true),
        colleague(SAM_ID, 'Sam Sales', ['SALES'], false),
      ],
    });

    const signatures = screen.getByRole('region', { name: 'Signatures' });
    expect(await within(signatures).findByText('Can sign for marketing: Olivia Admin.')).toBeTruthy();
    expect(
      within(signatures)
        .getByText(/No one can sign for sales yet/)
        .textContent?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('No one can sign for sales yet: make a sales member an approver on Members. Open Members');
    expect(within(signatures).getByRole('link', { name: 'Open Members' }).getAttribute('href')).toBe(
      '/members',
    );
  });

  it('tells others whom to ask, without a link they could not open', async () => {
    const apollo = await renderVersion(sessionFor('mia-id', 'Mia Marketing', ['MARKETING'], true));

    apollo.expectOne('AgreementColleagues').flushData({ colleagues: [] });

    expect(
      await screen.findByText(
        'No one can sign for marketing yet: ask an admin to make a marketing member an approver.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Open Members' })).toBeNull();
  });

  it('says when a version was published apart from who last changed it, and when', async () => {
    const published = versionNode({
      status: 'PUBLISHED',
      inForce: true,
      effectiveAt: '2026-03-02T11:35:00.000Z',
      publishedAt: '2026-03-02T11:35:00.000Z',
      signatures: [
        signatureNode('MARKETING', 'mia-id', 'Mia Marketing'),
        signatureNode('SALES', SAM_ID, 'Sam Sales'),
      ],
    });
    await renderVersion(sam, published);

    expect(
      screen
        .getByText(/^Revision 3/)
        .textContent?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe(
      'Revision 3 · in force since 2 Mar 2026, 11:35 · published 2 Mar 2026, 11:35 · last changed by Mia Marketing, 2 Mar 2026, 09:00',
    );
  });
});

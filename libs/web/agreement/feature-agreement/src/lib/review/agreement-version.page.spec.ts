import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, SESSION_STORAGE } from '@accord/web/shared/data-access';

import {
  SAM_ID,
  eventNode,
  eventsPage,
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
    expect(within(dialog).getByText('Say what should change.')).toBeTruthy();
    apollo.expectNone('SendBackAgreementVersion');

    fireEvent.input(within(dialog).getByLabelText(/What should change/), {
      target: { value: 'Keep A at 75' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send back' }));

    const sendBack = await waitFor(() => apollo.expectOne('SendBackAgreementVersion'));
    expect(sendBack.operation.variables).toEqual({
      input: { versionId: 'v2-id', revision: 3, comment: 'Keep A at 75' },
    });
    const draft = versionNode({ status: 'DRAFT', revision: 4 });
    sendBack.flushData({ sendBackAgreementVersion: draft });
    // The dialog closes once the page shows the version as it now is.
    await waitFor(() => apollo.expectOne('AgreementVersion').flushData({ agreementVersion: draft }));
    apollo.expectOne('AgreementVersions').flushData({ agreementVersions: [draft, v1Node()] });
    await waitFor(() => apollo.expectOne('AgreementDiff').flushData(diff));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('counts the characters of what should change, and flags an over-long text without sending it', async () => {
    const apollo = await renderVersion(sam);
    fireEvent.click(screen.getByRole('button', { name: 'Send back' }));
    const dialog = await screen.findByRole('dialog');
    const field = within(dialog).getByLabelText<HTMLTextAreaElement>(/What should change/);
    expect(within(dialog).getByText('0 / 2,000 characters')).toBeTruthy();

    fireEvent.input(field, { target: { value: 'x'.repeat(2500) } });

    expect(within(dialog).getByText('2,500 / 2,000 characters')).toBeTruthy();
    expect(within(dialog).getByText('Shorten it to 2,000 characters or fewer.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send back' }));
    apollo.expectNone('SendBackAgreementVersion');
    expect([screen.getByRole('dialog'), field.value.length]).toEqual([dialog, 2500]);
  });

  it('keeps the dialog open with the text when the API refuses it, and says why in words', async () => {
    const apollo = await renderVersion(sam);
    fireEvent.click(screen.getByRole('button', { name: 'Send back' }));
    const dialog = await screen.findByRole('dialog');
    const field = within(dialog).getByLabelText<HTMLTextAreaElement>(/What should change/);
    fireEvent.input(field, { target: { value: 'Keep A at 75' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send back' }));

    const refused = await waitFor(() => apollo.expectOne('SendBackAgreementVersion'));
    refused.graphqlErrors([
      {
        message: 'comment: say what should change, in 1 to 2,000 characters',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'comment', message: 'say what should change, in 1 to 2,000 characters' }],
        },
      },
    ]);

    expect(await within(dialog).findByText('Say what should change, in 1 to 2,000 characters')).toBeTruthy();
    expect([screen.getByRole('dialog'), field.value]).toEqual([dialog, 'Keep A at 75']);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Send back' }));
    (await waitFor(() => apollo.expectOne('SendBackAgreementVersion'))).networkError(
      new TypeError('Failed to fetch'),
    );

    expect(
      await within(dialog).findByText('Accord could not be reached. Check your connection and try again.'),
    ).toBeTruthy();
    expect([screen.getByRole('dialog'), field.value]).toEqual([dialog, 'Keep A at 75']);
  });

  it('shows a draft that was sent back with who sent it back, when, and what should change', async () => {
    const draft = versionNode({
      status: 'DRAFT',
      revision: 5,
      updatedBy: { __typename: 'AgreementPerson', id: 'mia-id', name: 'Mia Marketing' },
    });
    const apollo = await renderVersion(sessionFor('mia-id', 'Mia Marketing', ['MARKETING'], true), draft);

    const trail = apollo.expectOne('AgreementEvents');
    expect(trail.operation.variables).toEqual({ versionId: 'v2-id', first: 20, after: null });
    trail.flushData(eventsPage([eventNode({ id: '10', action: 'EDITED', comment: null }), eventNode()]));

    const note = await screen.findByRole('region', { name: 'Sent back by Sam Sales' });
    expect(
      Array.from(note.querySelectorAll('h2, p, blockquote')).map((line) => line.textContent?.trim()),
    ).toEqual([
      'Sent back by Sam Sales',
      '3 Mar 2026, 15:30 · 1 signature lapsed',
      'Keep grade A at 75.',
      'Make the changes asked for, then propose it again for signatures.',
    ]);
  });

  it('says nothing of an earlier send-back once the draft was proposed again', async () => {
    const apollo = await renderVersion(sam, versionNode({ status: 'DRAFT', revision: 6 }));

    apollo
      .expectOne('AgreementEvents')
      .flushData(
        eventsPage([
          eventNode({ id: '11', action: 'EDITED' }),
          eventNode({ id: '10', action: 'PROPOSED' }),
          eventNode(),
        ]),
      );

    await waitFor(() => expect(screen.queryByRole('region', { name: /Sent back/ })).toBeNull());
    expect(screen.getByRole('region', { name: 'Signatures' })).toBeTruthy();
  });

  it('keeps a line saying how many leads were rescored once the rescore is done', async () => {
    const published = versionNode({
      status: 'PUBLISHED',
      inForce: true,
      effectiveAt: '2026-03-02T10:00:00.000Z',
      publishedAt: '2026-03-02T10:00:00.000Z',
    });
    const apollo = await renderVersion(sam, published);

    await waitFor(() =>
      apollo.expectOne('ScoringStatus').flushData({
        scoringStatus: {
          __typename: 'ScoringStatus',
          scoredVersionNumber: 2,
          latestRun: {
            __typename: 'RescoreRun',
            id: 'run-1',
            status: 'DONE',
            processed: 3040,
            total: 3040,
            versionNumber: 2,
            startedAt: '2026-03-02T10:00:00.000Z',
            finishedAt: '2026-03-02T10:04:00.000Z',
            error: null,
          },
        },
      }),
    );

    const line = await screen.findByRole('status', { name: 'Rescore progress' });
    expect(line.textContent?.trim()).toBe('Rescored 3,040 leads under v2 on 2 Mar 2026, 10:04.');
    expect(screen.queryByRole('progressbar', { name: 'Rescore progress' })).toBeNull();
  });

  it('shows a rate KPI’s target as a percentage and a count’s per period', async () => {
    await renderVersion(sam);

    expect(
      [/Handovers decided within SLA/, /^MQLs/].map((name) =>
        Array.from(screen.getByRole('row', { name }).children)
          .map((cell) => cell.textContent?.trim())
          .at(-1),
      ),
    ).toEqual(['90%', '60 per month']);
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

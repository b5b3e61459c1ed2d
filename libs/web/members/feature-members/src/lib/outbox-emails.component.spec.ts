import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, type Viewer } from '@accord/web/shared/data-access';

import { OutboxEmailsComponent } from './outbox-emails.component';

const viewer: Viewer = {
  member: {
    id: 'm1',
    email: 'admin@demo.accord.dev',
    name: 'Ada Admin',
    roles: ['ADMIN'],
    approver: false,
    status: 'ACTIVE',
  },
  workspace: { id: 'w1', name: 'Demo Co', timeZone: 'Europe/Berlin', currency: 'USD' },
};

const sent = {
  __typename: 'OutboxEmail',
  id: 'e1',
  kind: 'AGREEMENT_PROPOSED',
  to: 'sam@demo.accord.dev',
  subject: 'A lead agreement awaits your signature',
  status: 'SENT',
  attempts: 1,
  lastError: null,
  createdAt: '2026-11-29T09:00:00.000Z',
  nextAttemptAt: null,
  sentAt: '2026-11-29T09:00:02.000Z',
};
const failed = {
  ...sent,
  id: 'e2',
  kind: 'HANDOVERS_EXPIRED',
  to: 'sue@demo.accord.dev',
  subject: '2 handovers passed their SLA with no decision',
  status: 'FAILED',
  lastError: '550 no such mailbox',
  sentAt: null,
};

async function renderEmails(): Promise<ApolloTestingController> {
  await render(OutboxEmailsComponent, {
    imports: [ApolloTestingModule],
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    configureTestBed: () => TestBed.inject(AuthStore).setViewer(viewer),
  });
  return TestBed.inject(ApolloTestingController);
}

function cells(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

describe('OutboxEmailsComponent', () => {
  it('lists the latest e-mails with what each was about and whether it went, on the workspace clock', async () => {
    const apollo = await renderEmails();

    const request = apollo.expectOne('OutboxEmails');
    expect(request.operation.variables).toEqual({ first: 50 });
    request.flushData({ outboxEmails: [failed, sent] });

    const table = await screen.findByRole('table', { name: 'E-mail from Accord' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const [, first, second] = within(table).getAllByRole('row');
    expect(cells(first)).toEqual([
      '29 Nov 2026, 10:00',
      'sue@demo.accord.dev',
      expect.stringContaining('Expired handovers'),
      'Failed after 1 attempt: 550 no such mailbox',
    ]);
    expect(within(first).getByText('2 handovers passed their SLA with no decision')).toBeTruthy();
    expect(within(first).getAllByRole('cell')[3].classList.contains('problem')).toBe(true);
    expect(cells(second)[3]).toBe('Sent 29 Nov 2026, 10:00');
    expect(screen.getByText(/Times in Europe\/Berlin/)).toBeTruthy();
  });

  it('says when there is none, and reads again on Refresh', async () => {
    const apollo = await renderEmails();
    apollo.expectOne('OutboxEmails').flushData({ outboxEmails: [] });
    await screen.findByText('No e-mail yet.');

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    apollo.expectOne('OutboxEmails').flushData({ outboxEmails: [sent] });
    expect(await screen.findByText('sam@demo.accord.dev')).toBeTruthy();
  });

  it('says so when the e-mails cannot be loaded', async () => {
    const apollo = await renderEmails();
    apollo
      .expectOne('OutboxEmails')
      .flush({ errors: [{ message: 'Only admins can do this.', extensions: { code: 'FORBIDDEN' } }] });
    expect(await screen.findByText('The e-mails could not be loaded.')).toBeTruthy();
  });
});

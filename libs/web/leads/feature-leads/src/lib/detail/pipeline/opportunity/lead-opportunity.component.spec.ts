import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import type { LifecycleStage } from '@accord/domain/leads';
import type { Role } from '@accord/domain/workspace';
import {
  LEAD_ID,
  opportunitiesAnswer,
  opportunity,
  opportunityAnswer,
} from '@accord/web/pipeline/data-access/testing';
import { AuthStore, CLOCK, type OpportunityFieldsFragment } from '@accord/web/shared/data-access';

import { LeadOpportunityComponent } from './lead-opportunity.component';

/** The page's clock: 28 Nov 2026, 06:00 UTC — still the 27th in Los Angeles. Tests may move it on. */
let now: Date;

beforeEach(() => {
  now = new Date('2026-11-28T06:00:00.000Z');
});

async function renderSection(options: {
  roles: Role[];
  /** The signed-in member: Sam, who owns the fixtures' opportunity, unless said. */
  memberId?: string;
  approver?: boolean;
  leadOwnerId?: string | null;
  leadStage?: LifecycleStage;
  opportunities?: OpportunityFieldsFragment[];
  currency?: string;
  timeZone?: string;
}) {
  const workspace = {
    id: 'w1',
    name: 'Demo',
    timeZone: options.timeZone ?? 'UTC',
    currency: options.currency ?? 'USD',
  };
  const stageChanged = jest.fn();
  await render(LeadOpportunityComponent, {
    inputs: {
      leadId: LEAD_ID,
      leadOwnerId: options.leadOwnerId ?? null,
      leadStage: options.leadStage ?? 'OPPORTUNITY',
    },
    on: { stageChanged },
    imports: [ApolloTestingModule],
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      {
        provide: AuthStore,
        useValue: {
          roles: signal(options.roles),
          member: signal({
            id: options.memberId ?? 'sam',
            roles: options.roles,
            approver: options.approver ?? false,
          }),
          workspace: signal(workspace),
        },
      },
      { provide: CLOCK, useValue: () => now },
    ],
  });
  const apollo = TestBed.inject(ApolloTestingController);
  apollo
    .expectOne('LeadOpportunities')
    .flushData(opportunitiesAnswer(options.opportunities ?? [opportunity()]));
  return { apollo, stageChanged };
}

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('LeadOpportunityComponent', () => {
  it('shows the opportunity, its stage, amount and history', async () => {
    await renderSection({ roles: ['SALES'] });

    expect(await screen.findByText('25,000 USD', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('Demo', { selector: 'dd' })).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1].textContent?.trim())).toEqual([
      'Discovery → Demo',
      'Opened in Discovery',
    ]);
  });

  it('names the opportunity and lists the earlier ones, won or lost, below it', async () => {
    await renderSection({
      roles: ['SALES'],
      opportunities: [
        opportunity(),
        opportunity({
          id: 'o0',
          name: 'Acme pilot',
          stage: 'WON',
          amount: 3000,
          closeDate: '2025-03-03',
          closedAt: '2025-03-03T12:00:00.000Z',
        }),
      ],
    });

    expect(await screen.findByText('Acme platform', { selector: 'dd' })).toBeTruthy();
    const earlier = screen.getByRole('region', { name: 'Earlier opportunities' });
    expect(within(earlier).getByRole('listitem').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Acme pilot · Won · 3,000 USD · closed 3 Mar 2025',
    );
  });

  it('opens an opportunity on an accepted lead and tells the page the lead moved', async () => {
    const { apollo, stageChanged } = await renderSection({
      roles: ['SALES'],
      leadStage: 'SQL',
      opportunities: [],
    });

    const form = await screen.findByRole('form', { name: 'Open opportunity' });
    fireEvent.input(within(form).getByLabelText('Amount'), { target: { value: '25,000' } });
    fireEvent.input(within(form).getByLabelText('Name (optional)'), { target: { value: 'Acme platform' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Open opportunity' }));
    const open = apollo.expectOne('OpenOpportunity');
    expect(open.operation.variables).toEqual({
      input: { leadId: LEAD_ID, amount: 25000, currency: 'USD', name: 'Acme platform', ownerId: null },
    });
    open.flushData({ openOpportunity: opportunityAnswer(opportunity({ stage: 'DISCOVERY' })) });
    await flushed();
    apollo
      .expectOne('LeadOpportunities')
      .flushData(opportunitiesAnswer([opportunity({ stage: 'DISCOVERY' })]));

    await screen.findByText('Opportunity opened at 25,000 USD.');
    expect(stageChanged).toHaveBeenCalledTimes(1);
  });

  it("starts the currency at the workspace's reporting currency", async () => {
    const { apollo } = await renderSection({
      roles: ['SALES'],
      leadStage: 'SQL',
      opportunities: [],
      currency: 'EUR',
    });

    const form = await screen.findByRole('form', { name: 'Open opportunity' });
    expect(within(form).getByLabelText<HTMLInputElement>('Currency').value).toBe('EUR');
    fireEvent.input(within(form).getByLabelText('Amount'), { target: { value: '12000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Open opportunity' }));

    expect(apollo.expectOne('OpenOpportunity').operation.variables).toEqual({
      input: { leadId: LEAD_ID, amount: 12000, currency: 'EUR', name: null, ownerId: null },
    });
  });

  it("shows the API's refusal of another currency beside the form", async () => {
    const { apollo, stageChanged } = await renderSection({
      roles: ['SALES'],
      leadStage: 'SQL',
      opportunities: [],
      currency: 'EUR',
    });

    const form = await screen.findByRole('form', { name: 'Open opportunity' });
    fireEvent.input(within(form).getByLabelText('Amount'), { target: { value: '12000' } });
    fireEvent.change(within(form).getByLabelText('Currency'), { target: { value: 'usd' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Open opportunity' }));
    const open = apollo.expectOne('OpenOpportunity');
    expect(open.operation.variables['input']).toMatchObject({ currency: 'USD' });
    open.graphqlErrors([
      {
        message: 'currency: this workspace reports in EUR; give the amount in EUR',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'currency', message: 'this workspace reports in EUR; give the amount in EUR' }],
        },
      },
    ]);

    const alerts = await waitFor(() => {
      const shown = screen
        .getAllByRole('alert')
        .map((alert) => alert.textContent?.trim())
        .filter(Boolean);
      expect(shown).toHaveLength(1);
      return shown;
    });
    expect(alerts).toEqual(['Currency: this workspace reports in EUR; give the amount in EUR']);
    expect(within(form).getByLabelText('Currency').getAttribute('aria-invalid')).toBe('true');
    expect(stageChanged).not.toHaveBeenCalled();
  });

  it('moves the opportunity to the chosen next stage', async () => {
    const { apollo } = await renderSection({ roles: ['ADMIN'] });

    const form = await screen.findByRole('form', { name: 'Move stage' });
    const select = within(form).getByLabelText<HTMLSelectElement>('Next stage');
    expect(Array.from(select.options, (option) => option.textContent?.trim())).toEqual([
      'Proof of concept',
      'Negotiation',
    ]);
    fireEvent.change(select, { target: { value: 'NEGOTIATION' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Move stage' }));

    expect(apollo.expectOne('MoveOpportunity').operation.variables).toEqual({
      input: { opportunityId: 'o1', stage: 'NEGOTIATION' },
    });
  });

  it('asks for a reason before closing lost, then confirms and closes', async () => {
    const { apollo, stageChanged } = await renderSection({ roles: ['SALES'] });

    const form = await screen.findByRole('form', { name: 'Close opportunity' });
    fireEvent.change(within(form).getByLabelText('Outcome'), { target: { value: 'LOST' } });
    fireEvent.change(within(form).getByLabelText('Close date'), { target: { value: '2026-11-25' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Close opportunity' }));
    expect(await screen.findByText('Say why the opportunity was lost.')).toBeTruthy();
    apollo.expectNone('MoveOpportunity');

    fireEvent.input(within(form).getByLabelText('Lost reason'), { target: { value: 'Chose a competitor' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Close opportunity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close as lost?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close as lost' }));
    const move = await waitFor(() => apollo.expectOne('MoveOpportunity'));
    expect(move.operation.variables).toEqual({
      input: {
        opportunityId: 'o1',
        stage: 'LOST',
        closeDate: '2026-11-25',
        lostReason: 'Chose a competitor',
      },
    });
    const lost = opportunity({ stage: 'LOST', closeDate: '2026-11-25', lostReason: 'Chose a competitor' });
    move.flushData({ moveOpportunity: opportunityAnswer(lost) });
    await flushed();
    apollo.expectOne('LeadOpportunities').flushData(opportunitiesAnswer([lost]));

    await screen.findByText('Opportunity closed lost.');
    expect(stageChanged).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('form', { name: 'Close opportunity' })).toBeNull();
  });

  it('shows the API’s refusal and keeps the opportunity open', async () => {
    const { apollo } = await renderSection({ roles: ['SALES'] });

    const form = await screen.findByRole('form', { name: 'Close opportunity' });
    fireEvent.change(within(form).getByLabelText('Close date'), { target: { value: '2026-11-25' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Close opportunity' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close as won' }));
    (await waitFor(() => apollo.expectOne('MoveOpportunity'))).graphqlErrors([
      { message: 'The opportunity is already closed.', extensions: { code: 'CONFLICT' } },
    ]);

    expect(await screen.findByText('The opportunity is already closed.')).toBeTruthy();
    apollo.expectNone('LeadOpportunities');
  });

  it('keeps Open opportunity focusable while it runs, then moves focus to the outcome once the form goes', async () => {
    const { apollo } = await renderSection({ roles: ['SALES'], leadStage: 'SQL', opportunities: [] });

    const form = await screen.findByRole('form', { name: 'Open opportunity' });
    fireEvent.input(within(form).getByLabelText('Amount'), { target: { value: '25000' } });
    const open = within(form).getByRole<HTMLButtonElement>('button', { name: 'Open opportunity' });
    open.focus();
    fireEvent.click(open);
    await flushed();
    fireEvent.click(open);
    expect([open.disabled, open.getAttribute('aria-disabled'), document.activeElement === open]).toEqual([
      false,
      'true',
      true,
    ]);
    apollo
      .expectOne('OpenOpportunity')
      .flushData({ openOpportunity: opportunityAnswer(opportunity({ stage: 'DISCOVERY' })) });
    await flushed();
    apollo
      .expectOne('LeadOpportunities')
      .flushData(opportunitiesAnswer([opportunity({ stage: 'DISCOVERY' })]));

    const status = await screen.findByText('Opportunity opened at 25,000 USD.');
    await waitFor(() => expect(document.activeElement).toBe(status));
  });

  it('moves focus to the outcome when the move to the last open stage removes the Move stage form', async () => {
    const { apollo } = await renderSection({
      roles: ['SALES'],
      opportunities: [opportunity({ stage: 'PROOF_OF_CONCEPT' })],
    });

    const move = within(await screen.findByRole('form', { name: 'Move stage' })).getByRole('button', {
      name: 'Move stage',
    });
    move.focus();
    fireEvent.click(move);
    const moved = opportunity({ stage: 'NEGOTIATION' });
    apollo.expectOne('MoveOpportunity').flushData({ moveOpportunity: opportunityAnswer(moved) });
    await flushed();
    apollo.expectOne('LeadOpportunities').flushData(opportunitiesAnswer([moved]));

    const status = await screen.findByText('Moved to Negotiation.');
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(screen.queryByRole('form', { name: 'Move stage' })).toBeNull();
  });

  it('closes as won, says the close day in words and moves focus to the outcome', async () => {
    const { apollo } = await renderSection({ roles: ['SALES'] });

    const form = await screen.findByRole('form', { name: 'Close opportunity' });
    fireEvent.change(within(form).getByLabelText('Close date'), { target: { value: '2026-11-27' } });
    const close = within(form).getByRole('button', { name: 'Close opportunity' });
    close.focus();
    fireEvent.click(close);
    const dialog = await screen.findByRole('dialog', { name: 'Close as won?' });
    expect(dialog.textContent).toContain('The opportunity closes won on 27 Nov 2026 at 25,000 USD');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close as won' }));
    const request = await waitFor(() => apollo.expectOne('MoveOpportunity'));
    // The confirmation gave focus back to the button, which keeps it while the close runs.
    await waitFor(() =>
      expect([close.getAttribute('aria-disabled'), document.activeElement === close]).toEqual(['true', true]),
    );
    const won = opportunity({ stage: 'WON', closeDate: '2026-11-27' });
    request.flushData({ moveOpportunity: opportunityAnswer(won) });
    await flushed();
    apollo.expectOne('LeadOpportunities').flushData(opportunitiesAnswer([won]));

    const status = await screen.findByText('Opportunity closed won.');
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(
      screen
        .getAllByRole('term')
        .map((term) => [term.textContent?.trim(), term.nextElementSibling?.textContent?.trim()]),
    ).toEqual([
      ['Name', 'Acme platform'],
      ['Stage', 'Won'],
      ['Amount', '25,000 USD'],
      ['Owner', 'Sam Sales'],
      ['Opened', '20 Nov 2026'],
      ['Closed on', '27 Nov 2026'],
    ]);
  });

  it("shows the history's times and the opening day in the workspace's time zone", async () => {
    await renderSection({
      roles: ['SALES'],
      timeZone: 'America/Los_Angeles',
      opportunities: [opportunity({ openedAt: '2026-11-20T05:00:00.000Z' })],
    });

    expect(await screen.findByRole('columnheader', { name: 'When (America/Los_Angeles)' })).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent?.trim())).toEqual([
      '22 Nov 2026, 01:00',
      '20 Nov 2026, 01:00',
    ]);
    // 20 Nov, 05:00 UTC is the evening of the 19th in Los Angeles.
    expect(screen.getByText('Opened', { selector: 'dt' }).nextElementSibling?.textContent?.trim()).toBe(
      '19 Nov 2026',
    );
  });

  it("offers today in the workspace's time zone as the close date, between the opening day and today", async () => {
    // A rep in Los Angeles, where it is still the 27th, in a workspace on UTC, where it is the 28th.
    const { apollo } = await renderSection({
      roles: ['SALES'],
      opportunities: [opportunity({ openedAt: '2026-11-28T05:00:00.000Z' })],
    });

    const form = await screen.findByRole('form', { name: 'Close opportunity' });
    const date = within(form).getByLabelText<HTMLInputElement>('Close date');
    expect([date.value, date.min, date.max]).toEqual(['2026-11-28', '2026-11-28', '2026-11-28']);
    fireEvent.click(within(form).getByRole('button', { name: 'Close opportunity' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close as won' }));

    expect((await waitFor(() => apollo.expectOne('MoveOpportunity'))).operation.variables).toEqual({
      input: { opportunityId: 'o1', stage: 'WON', closeDate: '2026-11-28', lostReason: null },
    });
  });

  it('reads today again when the close form is used, not once when the page opened', async () => {
    now = new Date('2026-11-27T23:50:00.000Z');
    const { apollo } = await renderSection({ roles: ['SALES'] });
    const form = await screen.findByRole('form', { name: 'Close opportunity' });
    const date = within(form).getByLabelText<HTMLInputElement>('Close date');
    expect([date.value, date.max]).toEqual(['2026-11-27', '2026-11-27']);

    now = new Date('2026-11-28T00:10:00.000Z');
    fireEvent.focusIn(within(form).getByLabelText('Outcome'));
    await waitFor(() => expect([date.value, date.max]).toEqual(['2026-11-28', '2026-11-28']));

    now = new Date('2026-11-29T00:10:00.000Z');
    fireEvent.click(within(form).getByRole('button', { name: 'Close opportunity' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close as won' }));
    expect(
      (await waitFor(() => apollo.expectOne('MoveOpportunity'))).operation.variables['input'],
    ).toMatchObject({
      closeDate: '2026-11-29',
    });
  });

  it('refuses a close date before the opportunity opened or after today, before asking to confirm', async () => {
    const { apollo } = await renderSection({ roles: ['SALES'], timeZone: 'America/Los_Angeles' });

    const form = await screen.findByRole('form', { name: 'Close opportunity' });
    const date = within(form).getByLabelText('Close date');
    const close = within(form).getByRole('button', { name: 'Close opportunity' });
    fireEvent.change(date, { target: { value: '2026-11-19' } });
    fireEvent.click(close);
    expect(
      await screen.findByText('The close date cannot be before the opportunity opened (20 Nov 2026).'),
    ).toBeTruthy();
    fireEvent.change(date, { target: { value: '2026-11-28' } });
    fireEvent.click(close);
    expect(
      await screen.findByText('The close date cannot be after today (27 Nov 2026 in America/Los_Angeles).'),
    ).toBeTruthy();

    expect(screen.queryByRole('dialog')).toBeNull();
    apollo.expectNone('MoveOpportunity');
  });

  it("drops the API's last refusal once the rep edits, so it never shows beside the form's own", async () => {
    const { apollo } = await renderSection({ roles: ['SALES'] });

    const form = await screen.findByRole('form', { name: 'Change amount' });
    const amount = within(form).getByLabelText('New amount');
    fireEvent.input(amount, { target: { value: '30000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save amount' }));
    apollo
      .expectOne('UpdateOpportunityAmount')
      .graphqlErrors([{ message: 'The opportunity is already closed.', extensions: { code: 'CONFLICT' } }]);
    expect(await screen.findByText('The opportunity is already closed.')).toBeTruthy();

    fireEvent.input(amount, { target: { value: '-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save amount' }));

    await screen.findByText('The amount cannot be negative.');
    expect(
      screen
        .getAllByRole('alert')
        .map((alert) => alert.textContent?.trim())
        .filter(Boolean),
    ).toEqual(['The amount cannot be negative.']);
    // The field is marked and focused until it is edited.
    await waitFor(() => expect(document.activeElement).toBe(amount));
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(amount, { target: { value: '30000' } });
    expect(amount.getAttribute('aria-invalid')).toBe('false');
  });

  it('marks and focuses an amount it cannot read when opening an opportunity', async () => {
    const { apollo } = await renderSection({ roles: ['SALES'], leadStage: 'SQL', opportunities: [] });

    const form = await screen.findByRole('form', { name: 'Open opportunity' });
    const amount = within(form).getByLabelText('Amount');
    fireEvent.input(amount, { target: { value: '12k' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Open opportunity' }));

    apollo.expectNone('OpenOpportunity');
    await waitFor(() => expect(document.activeElement).toBe(amount));
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(amount.getAttribute('aria-describedby')).toContain('open-opportunity-problem');
    expect(screen.getByText('Enter the amount as a number, e.g. 25000.').id).toBe('open-opportunity-problem');
  });

  it('is read-only for marketing', async () => {
    await renderSection({ roles: ['MARKETING'], leadStage: 'SQL' });

    await screen.findByText('25,000 USD', { selector: 'dd' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
  it("offers a rep no opening on a colleague's accepted lead, and says whose it is", async () => {
    await renderSection({
      roles: ['SALES'],
      memberId: 'rex',
      leadOwnerId: 'sam',
      leadStage: 'SQL',
      opportunities: [],
    });

    await screen.findByText(/No opportunity yet\./);
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByText(/its owner or a sales manager records its meetings and deal/)).toBeTruthy();
  });

  it("is read-only for a rep on a colleague's lead and deal", async () => {
    await renderSection({ roles: ['SALES'], memberId: 'rex', leadOwnerId: 'sam', leadStage: 'SQL' });

    await screen.findByText('25,000 USD', { selector: 'dd' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("lets the deal's owner work it on a colleague's lead", async () => {
    await renderSection({ roles: ['SALES'], memberId: 'sam', leadOwnerId: 'rex', leadStage: 'OPPORTUNITY' });

    await screen.findByText('25,000 USD', { selector: 'dd' });
    expect(screen.getAllByRole('button').length).toBeGreaterThan(0);
  });
});

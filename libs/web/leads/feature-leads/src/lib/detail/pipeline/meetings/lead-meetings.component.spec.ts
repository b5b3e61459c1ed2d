import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import type { Role } from '@accord/domain/workspace';
import { LeadOwnersStore } from '@accord/web/leads/data-access';
import { LEAD_ID, meeting, meetingAnswer, meetingsAnswer } from '@accord/web/pipeline/data-access/testing';
import { AuthStore, CLOCK } from '@accord/web/shared/data-access';

import { LeadMeetingsComponent, shortTitle } from './lead-meetings.component';

// A rep in any browser zone books and reads meetings on the workspace's clock: Los Angeles here.
const WORKSPACE = { id: 'w1', name: 'Demo', timeZone: 'America/Los_Angeles', currency: 'USD' };
const NOW = '2026-11-25T12:00:00.000Z';

/** The section as `roles` see it, signed in as Sam (who owns the fixtures' meetings) unless `as` says otherwise. */
async function renderSection(
  roles: Role[],
  as: { memberId?: string; approver?: boolean; leadOwnerId?: string | null; later?: boolean } = {},
) {
  await render(LeadMeetingsComponent, {
    inputs: { leadId: LEAD_ID, leadOwnerId: as.leadOwnerId ?? null },
    imports: [ApolloTestingModule],
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: CLOCK, useValue: () => new Date(NOW) },
      // The lead page's, whose colleagues the owner choice offers.
      LeadOwnersStore,
      {
        provide: AuthStore,
        useValue: {
          roles: signal(roles),
          member: signal({ id: as.memberId ?? 'sam', roles, approver: as.approver ?? false }),
          workspace: signal(WORKSPACE),
        },
      },
    ],
  });
  const apollo = TestBed.inject(ApolloTestingController);
  apollo
    .expectOne('LeadMeetings')
    .flushData(
      meetingsAnswer([
        ...(as.later
          ? [meeting({ id: 'm9', title: 'Later call', scheduledAt: '2026-12-01T15:00:00.000Z' })]
          : []),
        meeting(),
        meeting({ id: 'm0', title: 'Intro', status: 'HELD', qualified: true }),
      ]),
    );
  await screen.findByRole('cell', { name: 'Discovery call' });
  return apollo;
}

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('LeadMeetingsComponent', () => {
  it('lists meetings with their status, a qualified one marked so', async () => {
    await renderSection(['SALES']);

    expect(screen.getByRole('columnheader', { name: 'When (America/Los_Angeles)' })).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 4)
          .map((cell) => cell.textContent?.trim()),
      ),
    ).toEqual([
      ['24 Nov 2026, 07:00', 'Discovery call', 'Sam Sales', 'Booked'],
      ['24 Nov 2026, 07:00', 'Intro', 'Sam Sales', 'Held · qualified'],
    ]);
  });

  it("books a meeting at the time typed on the workspace's clock, which the form names", async () => {
    const apollo = await renderSection(['SALES']);

    const form = screen.getByRole('form', { name: 'Book meeting' });
    expect(within(form).getByText('Time in America/Los_Angeles')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('When'), { target: { value: '2026-11-28T10:00' } });
    fireEvent.input(within(form).getByLabelText('Title (optional)'), { target: { value: 'Demo' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Book meeting' }));
    const book = apollo.expectOne('BookMeeting');
    expect(book.operation.variables).toEqual({
      input: {
        leadId: LEAD_ID,
        scheduledAt: '2026-11-28T18:00:00.000Z',
        title: 'Demo',
        notes: null,
        ownerId: null,
      },
    });
    book.flushData({ bookMeeting: meetingAnswer(meeting({ id: 'm2', title: 'Demo' })) });
    await flushed();
    apollo
      .expectOne('LeadMeetings')
      .flushData(meetingsAnswer([meeting({ id: 'm2', title: 'Demo' }), meeting()]));

    expect(await screen.findByText('Meeting booked.')).toBeTruthy();
  });

  it('empties the form once the meeting is booked, so booking again needs a new time', async () => {
    const apollo = await renderSection(['SALES']);

    const form = screen.getByRole('form', { name: 'Book meeting' });
    fireEvent.change(within(form).getByLabelText('When'), { target: { value: '2026-11-28T10:00' } });
    fireEvent.input(within(form).getByLabelText('Title (optional)'), { target: { value: 'Demo' } });
    fireEvent.input(within(form).getByLabelText('Notes (optional)'), { target: { value: 'Bring the CFO' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Book meeting' }));
    apollo
      .expectOne('BookMeeting')
      .flushData({ bookMeeting: meetingAnswer(meeting({ id: 'm2', title: 'Demo' })) });
    await flushed();
    apollo
      .expectOne('LeadMeetings')
      .flushData(meetingsAnswer([meeting({ id: 'm2', title: 'Demo' }), meeting()]));
    await screen.findByText('Meeting booked.');

    expect(
      ['When', 'Title (optional)', 'Notes (optional)'].map(
        (label) => within(form).getByLabelText<HTMLInputElement>(label).value,
      ),
    ).toEqual(['', '', '']);
    fireEvent.click(within(form).getByRole('button', { name: 'Book meeting' }));
    expect(await screen.findByText('Enter when the meeting takes place.')).toBeTruthy();
    apollo.expectNone('BookMeeting');
  });

  it('refuses a time over a year away in its own words, before asking the API', async () => {
    const apollo = await renderSection(['SALES']);

    const form = screen.getByRole('form', { name: 'Book meeting' });
    fireEvent.change(within(form).getByLabelText('When'), { target: { value: '2028-11-28T10:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Book meeting' }));
    expect(
      await screen.findByText('A meeting is booked within 366 days of today, before or after: check When.'),
    ).toBeTruthy();
    apollo.expectNone('BookMeeting');
  });

  it('keeps what was typed when the API refuses it, and drops its refusal once the rep edits', async () => {
    const apollo = await renderSection(['SALES']);

    const form = screen.getByRole('form', { name: 'Book meeting' });
    const when = within(form).getByLabelText<HTMLInputElement>('When');
    fireEvent.change(when, { target: { value: '2026-11-28T10:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Book meeting' }));
    const refusal = 'The lead is not in this workspace any more.';
    apollo.expectOne('BookMeeting').graphqlErrors([{ message: refusal, extensions: { code: 'NOT_FOUND' } }]);
    expect(await screen.findByText(refusal)).toBeTruthy();
    expect(when.value).toBe('2026-11-28T10:00');

    fireEvent.input(when, { target: { value: '' } });

    await waitFor(() => expect(screen.queryByText(refusal)).toBeNull());
  });

  it("lets a manager on a rep's lead book for the rep, whom the Owner choice starts at", async () => {
    const apollo = await renderSection(['SALES'], { approver: true, leadOwnerId: 'jo' });
    void TestBed.inject(LeadOwnersStore).load();
    apollo.expectOne('Colleagues').flushData({
      colleagues: [
        { __typename: 'Colleague', id: 'jo', name: 'Jo Rep', roles: ['SALES'], team: null, status: 'ACTIVE' },
        {
          __typename: 'Colleague',
          id: 'sam',
          name: 'Sam Sales',
          roles: ['SALES'],
          team: null,
          status: 'ACTIVE',
        },
      ],
    });
    await flushed();

    const form = screen.getByRole('form', { name: 'Book meeting' });
    await waitFor(() =>
      expect(within(form).getByRole('combobox', { name: 'Owner' }).textContent).toContain('Jo Rep'),
    );
    fireEvent.change(within(form).getByLabelText('When'), { target: { value: '2026-11-28T10:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Book meeting' }));
    const book = apollo.expectOne('BookMeeting');
    expect((book.operation.variables['input'] as { ownerId: string }).ownerId).toBe('jo');
  });

  it('offers held and no-show once a meeting has started, and cancel before', async () => {
    await renderSection(['ADMIN'], { later: true });

    expect(screen.queryByRole('button', { name: 'Mark Later call held' })).toBeNull();
    expect(screen.getByText('Held or no-show once it starts')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel Later call' })).toBeTruthy();
  });

  it('marks a meeting held and says when it counts as qualified', async () => {
    const apollo = await renderSection(['ADMIN']);

    fireEvent.click(screen.getByRole('button', { name: 'Mark Discovery call held' }));
    const mark = apollo.expectOne('MarkMeeting');
    expect(mark.operation.variables).toEqual({ input: { meetingId: 'm1', status: 'HELD' } });
    const held = meeting({ status: 'HELD', qualified: true, markedAt: '2026-11-25T09:00:00.000Z' });
    mark.flushData({ markMeeting: meetingAnswer(held) });
    await flushed();
    apollo.expectOne('LeadMeetings').flushData(meetingsAnswer([held]));

    expect(await screen.findByText('Meeting marked held: a qualified meeting held.')).toBeTruthy();
  });

  it('says why a meeting held before the lead was accepted is not a qualified one', async () => {
    const apollo = await renderSection(['ADMIN']);

    fireEvent.click(screen.getByRole('button', { name: 'Mark Discovery call held' }));
    const held = meeting({ status: 'HELD', qualified: false, markedAt: '2026-11-25T09:00:00.000Z' });
    apollo.expectOne('MarkMeeting').flushData({ markMeeting: meetingAnswer(held) });
    await flushed();
    apollo.expectOne('LeadMeetings').flushData(meetingsAnswer([held]));

    expect(
      await screen.findByText(
        'Meeting marked held — held before sales accepted the lead: activity, not a qualified meeting.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('· held before sales accepted the lead: activity, not a qualified meeting'),
    ).toBeTruthy();
  });

  it('books once on a double click, and shows the notes under the title', async () => {
    const apollo = await renderSection(['SALES']);

    const form = screen.getByRole('form', { name: 'Book meeting' });
    fireEvent.change(within(form).getByLabelText('When'), { target: { value: '2026-11-28T10:00' } });
    fireEvent.input(within(form).getByLabelText('Title (optional)'), { target: { value: 'Demo' } });
    fireEvent.input(within(form).getByLabelText('Notes (optional)'), {
      target: { value: 'Agenda: pricing, security review' },
    });
    // The title and notes count what they hold as it is typed (a pasted text past the limit is cut).
    expect([within(form).getByText('4 / 200'), within(form).getByText('32 / 2,000')]).toHaveLength(2);
    // Both clicks land before the button is rendered disabled.
    const book = within(form).getByRole('button', { name: 'Book meeting' });
    fireEvent.click(book);
    fireEvent.click(book);
    const booked = meeting({ id: 'm2', title: 'Demo', notes: 'Agenda: pricing, security review' });
    apollo.expectOne('BookMeeting').flushData({ bookMeeting: meetingAnswer(booked) });
    await flushed();
    apollo.expectOne('LeadMeetings').flushData(meetingsAnswer([booked, meeting()]));

    const cell = await screen.findByRole('cell', { name: /^Demo/ });
    expect(within(cell).getByText('Agenda: pricing, security review')).toBeTruthy();
    apollo.expectNone('BookMeeting');
  });

  it('names a long meeting shortly when asking to cancel it', () => {
    // A title that is a pasted link: the dialog's heading keeps its first characters.
    const title = `Call https://meet.example.com/${'x'.repeat(150)}`;
    expect(shortTitle(title)).toBe(`${title.slice(0, 59)}…`);
    expect([shortTitle(null), shortTitle('  '), shortTitle('Demo')]).toEqual([
      'this meeting',
      'this meeting',
      'Demo',
    ]);
  });

  it('keeps Book meeting focused while the booking runs, and ignores clicks until it is done', async () => {
    const apollo = await renderSection(['SALES']);

    const form = screen.getByRole('form', { name: 'Book meeting' });
    fireEvent.change(within(form).getByLabelText('When'), { target: { value: '2026-11-28T10:00' } });
    const book = within(form).getByRole<HTMLButtonElement>('button', { name: 'Book meeting' });
    book.focus();
    fireEvent.click(book);
    await flushed();
    fireEvent.click(book);

    expect([book.disabled, book.getAttribute('aria-disabled'), document.activeElement === book]).toEqual([
      false,
      'true',
      true,
    ]);
    apollo.expectOne('BookMeeting');
  });

  it('moves focus to the outcome when marking removes the focused button', async () => {
    const apollo = await renderSection(['ADMIN']);

    const held = screen.getByRole('button', { name: 'Mark Discovery call held' });
    held.focus();
    fireEvent.click(held);
    const marked = meeting({ status: 'HELD', qualified: true, markedAt: '2026-11-25T09:00:00.000Z' });
    apollo.expectOne('MarkMeeting').flushData({ markMeeting: meetingAnswer(marked) });
    await flushed();
    apollo.expectOne('LeadMeetings').flushData(meetingsAnswer([marked]));

    const status = await screen.findByText('Meeting marked held: a qualified meeting held.');
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(screen.queryByRole('button', { name: 'Mark Discovery call held' })).toBeNull();
  });

  it('cancels a meeting only after confirmation', async () => {
    const apollo = await renderSection(['SALES']);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel Discovery call' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel Discovery call?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep meeting' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    apollo.expectNone('MarkMeeting');
  });

  it('is read-only for marketing', async () => {
    await renderSection(['MARKETING']);

    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
  it("shows a rep no booking or marking on a colleague's lead, and says whose it is to do", async () => {
    await renderSection(['SALES'], { memberId: 'rex', leadOwnerId: 'sam' });

    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(/its owner or a sales manager records its meetings/)).toBeTruthy();
  });

  it('lets a sales manager book and mark on any lead', async () => {
    await renderSection(['SALES'], { memberId: 'sue', approver: true, leadOwnerId: 'sam' });

    expect(screen.getByRole('form')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark Discovery call held' })).toBeTruthy();
  });
});

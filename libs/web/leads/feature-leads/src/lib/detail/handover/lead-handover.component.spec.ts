import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import {
  LEAD_ID,
  NOT_READY,
  handoverWithHistory,
  handoverWithHistoryAnswer,
  qualification,
  qualificationAnswer,
  sessionFor,
} from '@accord/web/handovers/data-access/testing';
import { AuthStore, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { LeadHandoverComponent } from './lead-handover.component';

const rejected = handoverWithHistory({
  status: 'REJECTED',
  decidedAt: '2026-11-25T13:00:00.000Z',
  decidedBy: { id: 'sam', name: 'Sam Sales' },
  withinSla: false,
  reason: NOT_READY,
  note: 'Call back in spring',
  events: [
    ...handoverWithHistory().events,
    {
      kind: 'REJECTED',
      detail: 'Not ready to buy',
      at: '2026-11-25T13:00:00.000Z',
      actor: { id: 'sam', name: 'Sam Sales' },
      owner: { id: 'sam', name: 'Sam Sales' },
    },
  ],
});

/** The section as `roles` see it, signed in as Sam, a sales approver (a manager), unless `as` says otherwise. */
async function renderSection(
  roles: ('ADMIN' | 'MARKETING' | 'SALES')[],
  answer: object,
  timeZone = 'UTC',
  as = { id: 'sam', name: 'Sam Sales', approver: true },
) {
  await render(LeadHandoverComponent, {
    inputs: { leadId: LEAD_ID },
    imports: [ApolloTestingModule],
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
    ],
    configureTestBed: () =>
      TestBed.inject(AuthStore).start(sessionFor(as.id, as.name, roles, as.approver, timeZone)),
  });
  const apollo = TestBed.inject(ApolloTestingController);
  const load = apollo.expectOne('LeadHandovers');
  expect(load.operation.variables).toEqual({ leadId: LEAD_ID });
  load.flushData(answer);
  await screen.findByRole('heading', { name: 'Handover' });
  return apollo;
}

describe('LeadHandoverComponent', () => {
  it("shows a rejected handover with its SLA, reason, note and history on the workspace's clock", async () => {
    await renderSection(
      ['MARKETING'],
      { leadHandovers: [handoverWithHistoryAnswer(rejected)], leadQualification: null },
      'Europe/Berlin',
    );

    const handover = await screen.findByRole('article', { name: 'Handover under v1' });
    expect(
      within(screen.getByRole('region', { name: 'Handover' })).getByText('Times in Europe/Berlin'),
    ).toBeTruthy();
    expect(within(handover).getByText('Status').nextElementSibling?.textContent?.trim()).toBe('Rejected');
    for (const text of [
      'Missed the SLA',
      'Not ready to buy (recycle, back after 60 days)',
      'Call back in spring',
      '25 Nov 2026, 14:00 by Sam Sales',
    ])
      expect(within(handover).getByText(text)).toBeTruthy();
    const events = within(within(handover).getByRole('list', { name: 'Handover history' })).getAllByRole(
      'listitem',
    );
    expect(events.map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '25 Nov 2026, 09:00 Handed over to Sam Sales under v1',
      '25 Nov 2026, 14:00 Rejected Not ready to buy — Sam Sales',
    ]);
    expect(screen.queryByRole('heading', { name: 'Qualification' })).toBeNull();
  });

  it('says when the lead was never handed over', async () => {
    await renderSection(['SALES'], { leadHandovers: [], leadQualification: null });

    expect(await screen.findByText('Not handed over to sales yet.')).toBeTruthy();
    expect(screen.queryByText(/^Times in/)).toBeNull();
  });

  it('saves the checklist answers sales change and shows SQL once qualified', async () => {
    const accepted = handoverWithHistory({
      status: 'ACCEPTED',
      decidedAt: '2026-11-25T09:00:00.000Z',
      withinSla: true,
    });
    const apollo = await renderSection(['SALES'], {
      leadHandovers: [handoverWithHistoryAnswer(accepted)],
      leadQualification: qualificationAnswer(),
    });

    expect(await screen.findByText(/1 item holds; 2 needed for SQL/)).toBeTruthy();
    const checklist = screen.getByRole('region', { name: 'Qualification' });
    expect(within(checklist).getByText('Times in UTC')).toBeTruthy();
    expect(within(checklist).getByText('Answered by Sam Sales, 25 Nov 2026, 10:00')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Timeline under 6 months' }));
    fireEvent.input(screen.getByLabelText('Note on Timeline under 6 months (optional)'), {
      target: { value: 'Buying in Q1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));

    const save = apollo.expectOne('AnswerQualification');
    expect(save.operation.variables).toEqual({
      leadId: LEAD_ID,
      answers: [{ key: 'timeline', met: true, note: 'Buying in Q1' }],
    });
    const answered = qualification();
    save.flushData({
      answerQualification: qualificationAnswer({
        ...answered,
        stage: 'SQL',
        met: 2,
        qualified: true,
        items: [answered.items[0], { ...answered.items[1], met: true, note: 'Buying in Q1' }],
      }),
    });

    expect(await screen.findByText('Checklist saved: the lead is an SQL.')).toBeTruthy();
    expect(screen.getByText('SQL')).toBeTruthy();

    // Answered down again below the mark: the stage is kept, and the summary says so rather than contradict it.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Timeline under 6 months' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
    apollo
      .expectOne('AnswerQualification')
      .flushData({ answerQualification: qualificationAnswer({ ...answered, stage: 'SQL' }) });
    expect(
      await screen.findByText(/1 item holds; 2 needed for SQL \(v\d+ checklist\)\. The lead stays an SQL/),
    ).toBeTruthy();
  });

  it('keeps Save checklist focused while saving and once nothing is left to save', async () => {
    const apollo = await renderSection(['SALES'], {
      leadHandovers: [handoverWithHistoryAnswer(handoverWithHistory({ status: 'ACCEPTED' }))],
      leadQualification: qualificationAnswer(),
    });

    fireEvent.click(await screen.findByRole('checkbox', { name: 'Timeline under 6 months' }));
    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Save checklist' });
    save.focus();
    fireEvent.click(save);
    fireEvent.click(save);
    const answered = qualification();
    apollo.expectOne('AnswerQualification').flushData({
      answerQualification: qualificationAnswer({
        ...answered,
        stage: 'SQL',
        met: 2,
        qualified: true,
        items: [answered.items[0], { ...answered.items[1], met: true }],
      }),
    });

    await screen.findByText('Checklist saved: the lead is an SQL.');
    expect([save.disabled, save.getAttribute('aria-disabled'), document.activeElement === save]).toEqual([
      false,
      'true',
      true,
    ]);
  });

  it("shows a rep a colleague's checklist read-only, saying whose it is, before they answer it", async () => {
    const accepted = handoverWithHistory({ status: 'ACCEPTED', decidedBy: { id: 'sam', name: 'Sam Sales' } });
    await renderSection(
      ['SALES'],
      { leadHandovers: [handoverWithHistoryAnswer(accepted)], leadQualification: qualificationAnswer() },
      'UTC',
      { id: 'riley', name: 'Riley Rep', approver: false },
    );

    await screen.findByRole('heading', { name: 'Qualification' });
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save checklist' })).toBeNull();
    expect(
      screen.getByText(
        'This lead is Sam Sales’s: the owner of its accepted handover or a sales manager answers its checklist.',
      ),
    ).toBeTruthy();
  });

  it('shows the checklist read-only to marketing', async () => {
    await renderSection(['MARKETING'], {
      leadHandovers: [handoverWithHistoryAnswer(handoverWithHistory({ status: 'ACCEPTED' }))],
      leadQualification: qualificationAnswer(),
    });

    await screen.findByRole('heading', { name: 'Qualification' });
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save checklist' })).toBeNull();
    expect(screen.getByLabelText('Met')).toBeTruthy();
    expect(screen.getByLabelText('Not answered')).toBeTruthy();
    expect(screen.getByText('Note: Q1 budget')).toBeTruthy();
  });
});

import { Location } from '@angular/common';
import { SpyLocation, provideLocationMocks } from '@angular/common/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import {
  flushQueue,
  handover,
  handoverWithHistory,
  handoverWithHistoryAnswer,
  queueAnswer,
  sessionFor,
} from '@accord/web/handovers/data-access/testing';
import { AuthStore, CLOCK, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { HandoverQueuePage } from './handover-queue.page';

const NOW = new Date('2026-11-25T08:40:00.000Z');

const ada = handover();
const bob = handover({
  id: 'h2',
  dueAt: '2026-11-25T06:40:00.000Z',
  status: 'EXPIRED',
  temperature: 'WARM',
  grade: 'B',
  lead: { ...handover().lead, id: 'l2', name: 'Bob Builder', title: null, companyName: 'Bricks' },
});

async function renderQueue(member = sessionFor('ria', 'Ria Rep', ['SALES'], false), clock = () => NOW) {
  await render(HandoverQueuePage, {
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
      { provide: CLOCK, useValue: clock },
    ],
    configureTestBed: () => TestBed.inject(AuthStore).start(member),
  });
  const apollo = TestBed.inject(ApolloTestingController);
  const first = flushQueue(apollo, [ada, bob], { undecided: 2, expired: 1 });
  await screen.findByRole('link', { name: 'Ada Lovelace' });
  return { apollo, variables: first.operation.variables };
}

/** Ria's queue, its first request not answered yet. */
async function renderUnanswered(): Promise<ApolloTestingController> {
  TestBed.resetTestingModule();
  await render(HandoverQueuePage, {
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
      { provide: CLOCK, useValue: () => NOW },
    ],
    configureTestBed: () => TestBed.inject(AuthStore).start(sessionFor('ria', 'Ria Rep', ['SALES'], false)),
  });
  return TestBed.inject(ApolloTestingController);
}

/** The queue at `url`, as the router opens it for `member`; its first request not answered yet. */
async function visit(url: string, member: ReturnType<typeof sessionFor>): Promise<ApolloTestingController> {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([{ path: 'handovers', component: HandoverQueuePage }]),
      provideLocationMocks(),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
      { provide: CLOCK, useValue: () => NOW },
    ],
  });
  TestBed.inject(AuthStore).start(member);
  // As the app's first navigation does: the router follows the browser's back and forward buttons.
  TestBed.inject(Router).setUpLocationChangeListener();
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return TestBed.inject(ApolloTestingController);
}

const sue = sessionFor('sue', 'Sue Manager', ['SALES'], true);

/** Chooses a toggle of the queue, and waits for the navigation it makes. */
async function choose(name: string): Promise<void> {
  fireEvent.click(screen.getByRole('radio', { name }));
  await TestBed.inject(ApplicationRef).whenStable();
}

/**
 * The browser's back button to `to`, and the navigation it makes (the router takes it up a task later). The mock
 * Location's own back() drops the query of the entry it returns to, so the pop is simulated with the whole URL.
 */
async function goBack(to: string): Promise<void> {
  (TestBed.inject(Location) as SpyLocation).simulateUrlPop(to);
  await waitFor(() => expect(TestBed.inject(Router).url).toBe(to));
  await TestBed.inject(ApplicationRef).whenStable();
}

function checked(name: string): boolean {
  return screen.getByRole('radio', { name }).getAttribute('aria-checked') === 'true';
}

function row(name: string): HTMLElement {
  return screen.getByRole('listitem', { name: new RegExp(`^${name}`) });
}

describe('HandoverQueuePage', () => {
  it('lists my open handovers with scores, why, signals, owner and the SLA countdown', async () => {
    const { variables } = await renderQueue(sessionFor('ria', 'Ria Rep', ['SALES'], false, 'Europe/Berlin'));

    expect(variables).toEqual({ scope: 'MINE', view: 'UNDECIDED', first: 50, after: null });
    expect(screen.getByText('2 undecided · 1 expired')).toBeTruthy();
    expect(screen.getByText('Times in Europe/Berlin')).toBeTruthy();
    const first = row('Ada Lovelace');
    expect(first.getAttribute('aria-label')).toBe('Ada Lovelace, VP Operations at Acme, due in 3 h 20 min');
    for (const text of [
      'Grade A',
      'Hot',
      'Fit 81 · Intent 64',
      'Owner: Sam Sales',
      '+20 employees 200–1000 · +15 pricing page ×3',
      'Pricing page ×3, last 25 Nov 2026, 08:30',
    ])
      expect(within(first).getByText(text)).toBeTruthy();
    const overdue = within(row('Bob Builder')).getByText(
      'expired, overdue by 2 h; escalated to the sales managers',
    );
    expect(overdue.classList.contains('urgent')).toBe(true);
    expect(screen.queryByRole('group', { name: 'Whose handovers' })).toBeNull();
  });

  it("opens the team's expired handovers for a manager who follows the escalation e-mail's link", async () => {
    const apollo = await visit('/handovers?scope=TEAM&view=EXPIRED', sue);
    const first = flushQueue(apollo, [bob], { undecided: 2, expired: 1, unassigned: 0 });
    await screen.findByRole('link', { name: 'Bob Builder' });

    expect(first.operation.variables).toEqual({ scope: 'TEAM', view: 'EXPIRED', first: 50, after: null });
    expect([checked('Expired'), checked('Team')]).toEqual([true, true]);
  });

  it("puts a manager's scope and view in the URL, and shows the URL's queue on back and forward", async () => {
    const apollo = await visit('/handovers', sue);
    flushQueue(apollo, [ada, bob]);
    await screen.findByRole('link', { name: 'Ada Lovelace' });

    await choose('Unassigned');
    expect(TestBed.inject(Router).url).toBe('/handovers?scope=UNASSIGNED');
    expect(
      flushQueue(apollo, [bob], { undecided: 1, expired: 1, unassigned: 1 }).operation.variables,
    ).toMatchObject({ scope: 'UNASSIGNED', view: 'UNDECIDED' });
    await screen.findByText('1 unassigned · 1 expired');
    await choose('Expired');
    expect(TestBed.inject(Router).url).toBe('/handovers?scope=UNASSIGNED&view=EXPIRED');
    expect(flushQueue(apollo, [bob]).operation.variables).toMatchObject({
      scope: 'UNASSIGNED',
      view: 'EXPIRED',
    });

    await goBack('/handovers?scope=UNASSIGNED');
    expect(flushQueue(apollo, [bob]).operation.variables).toMatchObject({
      scope: 'UNASSIGNED',
      view: 'UNDECIDED',
    });
    await waitFor(() => expect([checked('Unassigned'), checked('Open')]).toEqual([true, true]));
    await goBack('/handovers');
    expect(flushQueue(apollo, [ada, bob]).operation.variables).toMatchObject({
      scope: 'MINE',
      view: 'UNDECIDED',
    });
    await waitFor(() => expect(checked('Mine')).toBe(true));
  });

  it('opens my open handovers for a scope or view the page does not know', async () => {
    const apollo = await visit('/handovers?scope=EVERYONE&view=ALL', sue);

    expect(flushQueue(apollo, [ada]).operation.variables).toMatchObject({ scope: 'MINE', view: 'UNDECIDED' });
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    expect([checked('Mine'), checked('Open')]).toEqual([true, true]);
    // The address says what is shown, and the page was read once.
    expect(TestBed.inject(Router).url).toBe('/handovers');
    apollo.expectNone('HandoverQueue');
  });

  it('shows decided handovers with their decision and note, without the keyboard hint for deciding', async () => {
    const { apollo } = await renderQueue();
    expect(screen.getByText(/then press A to accept/)).toBeTruthy();

    await choose('Decided');
    const rejected = handover({
      status: 'REJECTED',
      decidedAt: '2026-11-25T08:10:00.000Z',
      decidedBy: { id: 'ria', name: 'Ria Rep' },
      withinSla: true,
      note: 'Call again in spring',
    });
    flushQueue(apollo, [rejected], { undecided: 1, expired: 1 });
    await screen.findByText('Note: “Call again in spring”');
    expect(screen.getByText('Times in UTC')).toBeTruthy();
    expect(screen.getByText('Rejected by Ria Rep 25 Nov 2026, 08:10, within the SLA')).toBeTruthy();
    expect(screen.queryByText(/then press A to accept/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Accept Ada Lovelace' })).toBeNull();
  });

  it('moves the countdown on every minute', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      let now = NOW;
      await renderQueue(undefined, () => now);
      expect(within(row('Ada Lovelace')).getByText('due in 3 h 20 min').classList.contains('urgent')).toBe(
        false,
      );

      now = new Date('2026-11-25T11:20:00.000Z');
      jest.advanceTimersByTime(60_000);

      const countdown = await within(row('Ada Lovelace')).findByText('due in 40 min');
      expect(countdown.classList.contains('urgent')).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('goes from row to row with the arrow keys, one stop each, and to the first and last with Home and End', async () => {
    await renderQueue();
    const ada = row('Ada Lovelace');
    const bob = row('Bob Builder');

    ada.focus();
    fireEvent.keyDown(ada, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(bob);
    fireEvent.keyDown(bob, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(bob);
    fireEvent.keyDown(bob, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(ada);
    fireEvent.keyDown(ada, { key: 'End' });
    expect(document.activeElement).toBe(bob);
    fireEvent.keyDown(bob, { key: 'Home' });
    expect(document.activeElement).toBe(ada);
  });

  it('accepts the focused handover with A and says so', async () => {
    const { apollo } = await renderQueue();

    fireEvent.keyDown(row('Ada Lovelace'), { key: 'a' });
    const accept = apollo.expectOne('AcceptHandover');
    expect(accept.operation.variables).toEqual({ id: 'h1' });
    accept.flushData({
      acceptHandover: handoverWithHistoryAnswer(handoverWithHistory({ status: 'ACCEPTED' })),
    });

    await screen.findByText('Accepted Ada Lovelace.');
    expect(screen.queryByRole('link', { name: 'Ada Lovelace' })).toBeNull();
    expect(screen.getByText('1 undecided · 1 expired')).toBeTruthy();
  });

  it('says that an expired handover accepted now is accepted after the SLA', async () => {
    const { apollo } = await renderQueue();

    fireEvent.click(within(row('Bob Builder')).getByRole('button', { name: 'Accept Bob Builder' }));
    apollo.expectOne('AcceptHandover').flushData({
      acceptHandover: handoverWithHistoryAnswer(
        handoverWithHistory({ status: 'ACCEPTED', withinSla: false }),
      ),
    });

    expect(await screen.findByText('Accepted Bob Builder, after the SLA.')).toBeTruthy();
  });

  it('keeps Accept focused while the decision is on its way, and sends it once however often it is clicked', async () => {
    const { apollo } = await renderQueue();

    const accept = screen.getByRole('button', { name: 'Accept Ada Lovelace' });
    accept.focus();
    // A double click: both land before the button is rendered disabled.
    fireEvent.click(accept);
    fireEvent.click(accept);
    const sent = apollo.expectOne('AcceptHandover');
    await waitFor(() => expect(accept.getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(accept);
    apollo.expectNone('AcceptHandover');
    expect(document.activeElement).toBe(accept);

    sent.graphqlErrors([{ message: 'The database is busy.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    await waitFor(() => expect(accept.getAttribute('aria-disabled')).not.toBe('true'));
    expect(document.activeElement).toBe(accept);
  });

  it('moves focus to the status line when the last handover leaves the queue', async () => {
    const apollo = await renderUnanswered();
    flushQueue(apollo, [ada], { undecided: 1 });

    const last = await screen.findByRole('listitem', { name: /^Ada Lovelace/ });
    last.focus();
    fireEvent.keyDown(last, { key: 'a' });
    apollo.expectOne('AcceptHandover').flushData({
      acceptHandover: handoverWithHistoryAnswer(handoverWithHistory({ status: 'ACCEPTED' })),
    });

    const status = await screen.findByText('Accepted Ada Lovelace.');
    await waitFor(() => expect(document.activeElement).toBe(status));
  });

  it('rejects with the reason picked and a note in two clicks, showing each consequence', async () => {
    const { apollo } = await renderQueue();

    fireEvent.click(screen.getByRole('button', { name: 'Reject Ada Lovelace' }));
    const form = await screen.findByRole('form', { name: 'Reject Ada Lovelace' });
    expect(within(form).getByText('recycle, back after 60 days')).toBeTruthy();
    expect(within(form).getByText('disqualify')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Note (optional)'), {
      target: { value: ' Works at Rival ' },
    });
    apollo.expectNone('RejectHandover');
    fireEvent.click(within(form).getByRole('button', { name: /Works for a competitor/ }));
    const reject = apollo.expectOne('RejectHandover');
    expect(reject.operation.variables).toEqual({ id: 'h1', reasonKey: 'competitor', note: 'Works at Rival' });
    reject.flushData({
      rejectHandover: handoverWithHistoryAnswer(handoverWithHistory({ status: 'REJECTED' })),
    });

    await screen.findByText('Rejected Ada Lovelace: Works for a competitor (disqualify).');
  });

  it('chooses no reason in advance: R opens the reasons, Enter picks none, a number rejects, Escape cancels', async () => {
    const { apollo } = await renderQueue();

    fireEvent.keyDown(row('Bob Builder'), { key: 'r' });
    let form = await screen.findByRole('form', { name: 'Reject Bob Builder' });
    await waitFor(() => expect(document.activeElement).toBe(form));
    fireEvent.keyDown(form, { key: 'Enter' });
    fireEvent.keyDown(form, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    apollo.expectNone('RejectHandover');

    fireEvent.keyDown(row('Bob Builder'), { key: 'r' });
    form = await screen.findByRole('form', { name: 'Reject Bob Builder' });
    expect(
      within(form)
        .getByRole('button', { name: /Works for a competitor/ })
        .getAttribute('aria-keyshortcuts'),
    ).toBe('2');
    fireEvent.keyDown(form, { key: '2' });
    expect(apollo.expectOne('RejectHandover').operation.variables).toEqual({
      id: 'h2',
      reasonKey: 'competitor',
      note: null,
    });
  });

  it('keeps keys typed into the note in the note', async () => {
    const { apollo } = await renderQueue();

    fireEvent.keyDown(row('Ada Lovelace'), { key: 'r' });
    const form = await screen.findByRole('form', { name: 'Reject Ada Lovelace' });
    fireEvent.keyDown(within(form).getByLabelText('Note (optional)'), { key: 'a' });
    fireEvent.keyDown(within(form).getByLabelText('Note (optional)'), { key: '1' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Accept Ada Lovelace' }), { key: 'a' });

    apollo.expectNone('AcceptHandover');
    apollo.expectNone('RejectHandover');
    expect(screen.getByRole('form', { name: 'Reject Ada Lovelace' })).toBeTruthy();
  });

  it('shows the CONFLICT naming the decision taken and reads the queue again', async () => {
    const { apollo } = await renderQueue();

    fireEvent.click(screen.getByRole('button', { name: 'Accept Ada Lovelace' }));
    apollo
      .expectOne('AcceptHandover')
      .graphqlErrors([
        { message: 'Already rejected by Sam Sales (Not ready to buy).', extensions: { code: 'CONFLICT' } },
      ]);

    // Named, since the row leaves as the queue is read again.
    await screen.findByText('Ada Lovelace: Already rejected by Sam Sales (Not ready to buy).');
    // The focus stays on the page, just above the queue, while the decided row leaves.
    expect(document.activeElement).toBe(screen.getByRole('status'));
    flushQueue(apollo, [bob], { undecided: 1, expired: 1 });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Ada Lovelace' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('status'));
  });

  it('gives managers the team scope, the counts and reassignment', async () => {
    const { apollo } = await renderQueue(sessionFor('sam', 'Sam Sales', ['SALES'], true));

    expect(screen.getByText('2 undecided · 1 expired · 0 unassigned in the team')).toBeTruthy();
    await choose('Team');
    const ria = { id: 'ria', name: 'Ria Rep' };
    const team = flushQueue(apollo, [ada, handover({ id: 'h3', owner: ria })], {
      undecided: 2,
      unassigned: 1,
    });
    expect(team.operation.variables).toMatchObject({ scope: 'TEAM', view: 'UNDECIDED' });
    await screen.findByText('Owner: Ria Rep');
    expect(screen.getByText('2 undecided · 0 expired · 1 unassigned')).toBeTruthy();

    // Choosing (an arrow key in the select) gives nothing away; the button does.
    fireEvent.change(screen.getAllByRole('combobox', { name: 'Reassign Ada Lovelace to' })[0], {
      target: { value: 'ria' },
    });
    apollo.expectNone('ReassignHandover');
    fireEvent.click(screen.getAllByRole('button', { name: 'Reassign Ada Lovelace' })[0]);
    const reassign = apollo.expectOne('ReassignHandover');
    expect(reassign.operation.variables).toEqual({ id: 'h1', ownerId: 'ria' });
    reassign.flushData({ reassignHandover: handoverWithHistoryAnswer(handoverWithHistory({ owner: ria })) });
    await screen.findByText('Gave Ada Lovelace to Ria Rep.');
  });

  it('loads more with the cursor', async () => {
    const apollo = await renderUnanswered();
    flushQueue(apollo, [ada], { hasNextPage: true, undecided: 2 });

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    const more = apollo.expectOne('HandoverQueue');
    expect(more.operation.variables).toMatchObject({ after: 'c-h1' });
    more.flushData(queueAnswer([bob]));
    await screen.findByRole('link', { name: 'Bob Builder' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});

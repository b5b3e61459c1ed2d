import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { starterAgreement } from '@accord/domain/agreement';
import { backtestResult, emptyBacktest, wilson } from '@accord/domain/backtest';
import { BACKTEST_POLL_MS, backtestPollDelay } from '@accord/web/agreement/data-access';
import { AuthStore, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { sessionFor } from '../../testing/fixtures';
import { BacktestPanelComponent } from './backtest-panel.component';

const document = starterAgreement(['0b6f1c9e-3a52-4c1e-9d7a-2f4e8b1c6a90']);
const window = { from: Date.parse('2025-11-25T09:00:00Z'), to: Date.parse('2026-11-25T09:00:00Z') };

function runNode(values: Record<string, unknown>) {
  const result = backtestResult(
    emptyBacktest(window, { id: 'v2-id', document }, { id: 'v1-id', document }),
    document,
    document,
  );
  return {
    __typename: 'BacktestRun',
    id: 'run-id',
    versionId: 'v2-id',
    versionNumber: 2,
    revision: 3,
    baselineVersionId: 'v1-id',
    baselineVersionNumber: 1,
    status: 'DONE',
    processed: 3000,
    total: 3000,
    progress: 1,
    stale: false,
    windowFrom: '2025-11-25T09:00:00.000Z',
    windowTo: '2026-11-25T09:00:00.000Z',
    createdAt: '2026-11-25T09:00:00.000Z',
    finishedAt: '2026-11-25T09:00:05.000Z',
    error: null,
    result,
    ...values,
  };
}

async function renderPanel(canRun: boolean, decided = false): Promise<ApolloTestingController> {
  await render(BacktestPanelComponent, {
    inputs: { versionId: 'v2-id', canRun, decided },
    imports: [ApolloTestingModule],
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
    ],
    configureTestBed: () =>
      TestBed.inject(AuthStore).start(sessionFor('mia-id', 'Mia Marketing', ['MARKETING'], true)),
  });
  return TestBed.inject(ApolloTestingController);
}

describe('BacktestPanelComponent', () => {
  it('offers the first backtest and follows it while it runs', async () => {
    const apollo = await renderPanel(true);
    apollo.expectOne('LatestBacktest').flushData({ latestBacktest: null });
    await screen.findByText(/Not backtested yet/);

    fireEvent.click(screen.getByRole('button', { name: 'Run backtest' }));
    const start = apollo.expectOne('StartBacktest');
    expect(start.operation.variables).toEqual({ input: { versionId: 'v2-id', months: 12 } });
    start.flushData({
      startBacktest: runNode({
        status: 'RUNNING',
        processed: 1000,
        progress: 1 / 3,
        result: null,
        finishedAt: null,
      }),
    });
    expect((await screen.findByRole('status')).textContent).toContain('1,000 of 3,000 leads read');
    expect(screen.getByRole('button', { name: 'Run backtest again' }).hasAttribute('disabled')).toBe(true);
  });

  it('says a backtest is queued until it knows how many leads it reads', async () => {
    const apollo = await renderPanel(true);
    const queued = { status: 'QUEUED', processed: 0, total: 0, progress: 0, result: null, finishedAt: null };
    apollo.expectOne('LatestBacktest').flushData({ latestBacktest: runNode(queued) });

    const status = await screen.findByRole('status');
    expect(status.textContent?.replace(/\s+/g, ' ').trim()).toBe('Backtesting revision 3: queued…');
  });

  it('keeps following a running backtest through a failed read and offers to run it again once done', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const apollo = await renderPanel(true);
      const running = { status: 'RUNNING', processed: 1000, progress: 1 / 3, result: null, finishedAt: null };
      apollo.expectOne('LatestBacktest').flushData({ latestBacktest: runNode(running) });
      await screen.findByRole('status');

      await jest.advanceTimersByTimeAsync(BACKTEST_POLL_MS);
      apollo.expectOne('BacktestRun').networkError(new Error('offline'));
      await waitFor(() => expect(screen.getByRole('alert').textContent?.trim()).not.toBe(''));

      await jest.advanceTimersByTimeAsync(backtestPollDelay(1));
      apollo.expectOne('BacktestRun').flushData({ backtestRun: runNode({}) });

      const again = await screen.findByRole('button', { name: 'Run backtest again' });
      await waitFor(() => expect(again.hasAttribute('disabled')).toBe(false));
      expect(screen.getByRole('alert').textContent?.trim()).toBe('');
      expect(screen.queryByRole('status')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('sets the results beside the version in force and marks them stale once the version moved on', async () => {
    const apollo = await renderPanel(false);
    apollo.expectOne('LatestBacktest').flushData({ latestBacktest: runNode({ stale: true }) });

    const table = await screen.findByRole('table', { name: 'Backtest against the version in force' });
    const firstRow = within(table).getAllByRole('row')[1];
    expect(Array.from(firstRow.children).map((cell) => cell.textContent?.trim())).toEqual([
      'MQLs per month (average)',
      '0.0',
      '0.0',
      '±0',
    ]);
    expect(screen.getByRole('note').textContent).toContain('Stale');
    const amounts = within(table).getByRole('row', { name: /Revenue won from its MQLs/ });
    expect(Array.from(amounts.children).map((cell) => cell.textContent?.trim())).toEqual([
      'Revenue won from its MQLs',
      '0 USD',
      '0 USD',
      '±0',
    ]);
    const rates = screen.getByRole('table', { name: 'Rates by grade under this version' });
    // A grade with no cases says so once, without a "small sample" note run into it.
    const gradeD = within(rates).getByRole('row', { name: /^D/ });
    expect(Array.from(gradeD.children).map((cell) => cell.textContent?.trim())).toEqual([
      'D',
      '0',
      '— no cases',
      '— no cases',
      '—',
    ]);
    // Readers without the right to run one see the results only.
    expect(screen.queryByRole('button', { name: /Run backtest/ })).toBeNull();
    // Every MQL of both versions was handed over: nothing is unknown, so nothing is said about it.
    expect(screen.queryByText(/Outcome unknown/)).toBeNull();
    expect(screen.getByText(/On publishing:/).parentElement?.textContent?.trim()).toBe(
      "On publishing: Publishing this version today would hand none of today's nurtured leads to sales at once. " +
        'v1, the version in force, would hand over none.',
    );
  });

  it("reads a published version's backtest as the record it is: no forecast, v1 named as in force when it ran", async () => {
    const apollo = await renderPanel(false, true);
    apollo.expectOne('LatestBacktest').flushData({ latestBacktest: runNode({}) });

    const table = await screen.findByRole('table', { name: 'Backtest against the version in force' });
    expect(within(table).getByRole('columnheader', { name: 'v1 (in force when it ran)' })).toBeTruthy();
    expect(screen.getByText(/^\s*Revision 3 against v1 \(in force when it ran\)/)).toBeTruthy();
    // The window's days as every date of the app reads, on the workspace's clock (UTC here).
    expect(screen.getByText(/over the leads of 25 Nov 2025 to 25 Nov 2026/)).toBeTruthy();
    expect(screen.queryByText(/On publishing:/)).toBeNull();
  });

  describe('with extra MQLs that were never handed over (the demo workspace)', () => {
    /** 84 more MQLs than v1, none of them ever handed over, and a new criterion with no evidence behind it. */
    function demoRun() {
      const node = runNode({});
      const { result } = node;
      result.draft.mqls = 690;
      result.baseline.mqls = 606;
      result.draft.ofMqls = {
        ...result.draft.ofMqls,
        observed: 606,
        unobserved: 84,
        accepted: 120,
        won: 30,
        acceptance: wilson(120, 300),
        win: wilson(30, 606),
      };
      result.baseline.ofMqls = {
        ...result.baseline.ofMqls,
        observed: 606,
        accepted: 121,
        won: 30,
        acceptance: wilson(121, 300),
        win: wilson(30, 606),
      };
      result.draft.signalValue = [
        {
          kind: 'CRITERION',
          key: 'financial-services',
          label: 'Financial services',
          points: 10,
          withLeads: 116,
          withoutLeads: 2000,
          winWith: wilson(1, 116),
          winWithout: wilson(42, 2000),
          winLift: 1 / 116 / (42 / 2000),
          acceptanceWith: wilson(0, 0),
          acceptanceWithout: wilson(0, 0),
          acceptanceLift: null,
        },
        ...result.draft.signalValue,
      ];
      return node;
    }

    const cells = (row: HTMLElement) => Array.from(row.children).map((cell) => cell.textContent?.trim());

    async function renderDemo() {
      const apollo = await renderPanel(false);
      apollo.expectOne('LatestBacktest').flushData({ latestBacktest: demoRun() });
      return screen.findByRole('table', { name: 'Backtest against the version in force' });
    }

    it('says how many of the extra MQLs have no known outcome', async () => {
      const table = await renderDemo();

      expect(
        screen
          .getByText(/Outcome unknown/)
          .closest('p')
          ?.textContent?.replace(/\s+/g, ' ')
          .trim(),
      ).toBe(
        'Outcome unknown: 84 of the 84 extra MQLs were never actually handed over to sales: their acceptance, ' +
          'wins and revenue are unknown, not zero. The accepted, won and revenue lines count only MQLs that were ' +
          'handed over.',
      );
      expect(cells(within(table).getByRole('row', { name: /never handed over/ }))).toEqual([
        '… never handed over (outcome unknown)',
        '84',
        '0',
        '+84',
      ]);
    });

    it('compares the acceptance and win rates with the version in force', async () => {
      const table = await renderDemo();

      // 120/300 = 40% against 121/300 = 40.3%; 30/606 = 4.95%, shown 5%, for both.
      expect(cells(within(table).getByRole('row', { name: /acceptance rate/ }))).toEqual([
        '… acceptance rate (accepted ÷ decided)',
        '40% (120/300)',
        '40.3% (121/300)',
        '−0.3 pts (could be chance)',
      ]);
      expect(cells(within(table).getByRole('row', { name: /win rate/ }))).toEqual([
        '… win rate (won ÷ handed over)',
        '5% (30/606)',
        '5% (30/606)',
        '±0 pts',
      ]);
    });

    it('explains what the accepted and missed lines count, so that they do not read as contradictory', async () => {
      const table = await renderDemo();

      const label = (name: RegExp) => within(table).getByRole('rowheader', { name });
      expect([label(/accepted by sales/).title, label(/Accepted leads it would have missed/).title]).toEqual([
        'Its MQLs that sales in fact accepted; only MQLs that were handed over can count.',
        "Leads sales in fact accepted that the version would never have handed over by the window's end.",
      ]);
      expect(cells(within(table).getByRole('row', { name: /accepted by sales/ }))).toEqual([
        '… accepted by sales',
        '120',
        '121',
        '−1',
      ]);
      expect(
        screen.getByText(/A lead it would have handed over before the window began is in neither/),
      ).toBeTruthy();
    });

    it("shows what each of the draft's criteria is worth, marking the ones v1 does not have", async () => {
      await renderDemo();

      const value = screen.getByRole('table', { name: 'Signal value under this version' });
      expect(cells(within(value).getByRole('row', { name: /Financial services/ }))).toEqual([
        'Financial services Fit criterion · new in this version',
        '+10',
        '116',
        '0.9% (1/116)',
        '2.1% (42/2000)',
        '×0.41',
        'no evidence it predicts wins',
      ]);
      expect(within(value).getByRole('row', { name: /Software or internet/ }).textContent).not.toContain(
        'new',
      );
    });
  });
});

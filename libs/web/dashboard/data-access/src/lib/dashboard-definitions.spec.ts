import {
  FUNNEL_FIGURES,
  REJECTION_FIGURES,
  metricByKey,
  repFigureDefinitions,
} from '@accord/domain/dashboard';

import { dashboardAnswer, metric } from '../testing/dashboard';
import { FUNNEL_COLUMNS, REJECTION_TABLES, rejectionColumns, repColumns } from './dashboard-definitions';

describe('column definitions', () => {
  it('defines the funnel’s figures, not its stage labels', () => {
    expect(FUNNEL_COLUMNS.map((column) => [column.label, column.definition])).toEqual([
      ['Stage', null],
      ['Entered', FUNNEL_FIGURES.entered],
      ['From previous', FUNNEL_FIGURES.conversionFromPrevious],
      ['Drop-off', FUNNEL_FIGURES.dropOff],
    ]);
  });

  it('defines every rep column from the domain, in the words the dashboard shows for its metric', () => {
    const columns = repColumns(dashboardAnswer().outcomes.concat(dashboardAnswer().activities));
    expect(columns.map((column) => column.label)).toEqual([
      'Rep',
      'Revenue won',
      'Quota',
      'Attainment',
      'Qualified meetings held',
      'Accepted handovers',
      'Calls',
      'E-mails',
      'Meetings booked',
      'Activity in all',
    ]);
    const defined = Object.fromEntries(columns.map((column) => [column.key, column.definition]));
    expect(defined).toEqual({
      ...repFigureDefinitions(),
      revenueWon:
        'Sum of the closing amounts of opportunities won in the period. Credited to the opportunity’s owner.',
    });
    // The agreement's wording of a metric carries over to its column.
    const worded = repColumns([metric({ key: 'calls-made', definition: 'Dials, as signed.' })]);
    expect(worded.find((column) => column.key === 'callsMade')?.definition).toBe(
      'Dials, as signed. Credited to the lead’s owner.',
    );
    expect(worded.find((column) => column.key === 'qualifiedMeetingsHeld')?.definition).toContain(
      metricByKey('qualified-meetings-held')?.definition as string,
    );
  });

  it('heads the rep table’s amounts with the currency they are in', () => {
    expect(repColumns([], 'USD').map((column) => column.label)).toEqual([
      'Rep',
      'Revenue won (USD)',
      'Quota (USD)',
      'Attainment',
      'Qualified meetings held',
      'Accepted handovers',
      'Calls',
      'E-mails',
      'Meetings booked',
      'Activity in all',
    ]);
  });

  it('defines a rejection table’s group, each reason and the total, by source, campaign and grade', () => {
    expect(REJECTION_TABLES.map((table) => [table.caption, table.field])).toEqual([
      ['By source', 'rejectionsBySource'],
      ['By campaign', 'rejectionsByCampaign'],
      ['By grade', 'rejectionsByGrade'],
    ]);
    expect(rejectionColumns('campaign', 'Campaign', [{ key: 'no-budget', label: 'No budget' }])).toEqual([
      { key: 'group', label: 'Campaign', definition: REJECTION_FIGURES.group.campaign },
      {
        key: 'reason:no-budget',
        label: 'No budget',
        definition:
          'Handovers sales rejected as “No budget” in the period, by decision time, in this row; the reason as ' +
          'it was last worded.',
      },
      { key: 'total', label: 'Total', definition: REJECTION_FIGURES.total },
    ]);
  });
});

import { RIA, dashboardAnswer } from '../testing/dashboard';
import { dashboardExport, exportFileName } from './dashboard-export';
import { repRows } from './rep-rows';

const DAYS = { from: '2026-11-01', to: '2026-12-01' };
const FILTER = {
  from: '2026-10-31T23:00:00.000Z',
  to: '2026-11-30T23:00:00.000Z',
  granularity: 'WEEK' as const,
};

describe('dashboardExport', () => {
  const lines = dashboardExport(dashboardAnswer(), {
    filter: FILTER,
    days: DAYS,
    filters: { Period: 'This month', 'Agreement version': 'v4', Campaign: '@launch' },
  }).split('\r\n');

  it('starts with the period, the currency of its amounts and the filters as shown', () => {
    expect(lines.slice(0, 10)).toEqual([
      'From,2026-10-31T23:00:00.000Z',
      'To,2026-11-30T23:00:00.000Z',
      'Time zone,Europe/Berlin',
      'Currency,EUR',
      'First day,2026-11-01',
      'Last day,2026-11-30',
      'Period,This month',
      'Agreement version,v4',
      "Campaign,'@launch",
      '',
    ]);
  });

  it('writes every metric with its target and gap, then the funnel', () => {
    expect(lines).toContain('MQL → SAL acceptance rate,mql-acceptance-rate,Outcome,%,62.5,70,-7.5,,,25,40');
    expect(lines).toContain('Calls made,calls-made,Activity (diagnostic),count,310,,,,,,');
    // An amount's denominator is how many amounts it adds up (three wins).
    expect(lines).toContain('Revenue won,revenue-won,Outcome,amount (see Currency),125000,100000,25000,,,,3');
  });

  it('names the funnel stages as the page does, not by their keys', () => {
    const funnel = lines.indexOf('Stage,Count,Conversion from previous (%),Drop-off');
    expect(lines.slice(funnel + 1, funnel + 8)).toEqual([
      'Lead,200,,',
      'MQL,42,21,158',
      'SAL,25,59.52,17',
      'SQL,12,48,13',
      'Opportunity,8,66.67,4',
      'Won,3,37.5,5',
      '',
    ]);
  });

  it("heads the workspace's targets as such under a segment, owner or team filter, with no gap", () => {
    const sliced = dashboardExport(dashboardAnswer({ targetScope: 'WORKSPACE' }), {
      filter: { ...FILTER, ownerId: RIA },
      days: DAYS,
      filters: { Owner: 'Ria Rep' },
    }).split('\r\n');
    expect(sliced).toContain(
      'Metric,Key,Kind,Unit,Value,Workspace target,Gap,Workspace target to date,Gap to date,Numerator,Denominator',
    );
    expect(sliced).toContain('MQLs,mqls,Outcome,count,42,40,,,,,');
    expect(sliced).not.toContain(
      'Metric,Key,Kind,Unit,Value,Target,Gap,Target to date,Gap to date,Numerator,Denominator',
    );
  });

  it('adds the reps by revenue won, amounts headed with their currency, and the rejections, neutralising formula-like text', () => {
    const reps = lines.indexOf(
      'Rep,Revenue won (EUR),Quota (EUR),Attainment (%),Qualified meetings held,Accepted handovers,Calls made,E-mails sent,Meetings booked,Activities',
    );
    expect(lines.slice(reps + 1, reps + 3)).toEqual([
      'Sam Sales,100000,,,6,16,20,40,4,64',
      'Ria Rep,25000,50000,50,2,9,200,300,10,510',
    ]);
    expect(lines.slice(-12)).toEqual([
      'Rejections by source,Reason,Rejections',
      'webinar,Not ready to buy,4',
      `"'=HYPERLINK(""x"")",Works for a competitor,1`,
      '',
      'Rejections by campaign,Reason,Rejections',
      'Autumn launch,Not ready to buy,3',
      'None given,Not ready to buy,1',
      'None given,Works for a competitor,1',
      '',
      'Rejections by grade,Reason,Rejections',
      'B,Not ready to buy,5',
      '',
    ]);
  });
});

describe('exportFileName', () => {
  it('names the days covered, both included', () => {
    expect(exportFileName(DAYS)).toBe('accord-dashboard-2026-11-01-to-2026-11-30.csv');
  });
});

describe('repRows', () => {
  it('puts the most revenue first and adds up activity', () => {
    expect(repRows(dashboardAnswer().reps).map((rep) => [rep.name, rep.activities])).toEqual([
      ['Sam Sales', 64],
      ['Ria Rep', 510],
    ]);
  });
});

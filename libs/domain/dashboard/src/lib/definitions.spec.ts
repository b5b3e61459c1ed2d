import {
  FUNNEL_FIGURES,
  REJECTION_FIGURES,
  REJECTION_GROUPS,
  REP_FIGURE_KEYS,
  funnelStepDefinitions,
  rejectionReasonDefinition,
  repFigureDefinitions,
} from './definitions';
import { FUNNEL_STAGES } from './facts';
import { metricByKey } from './metrics';

describe('figure definitions', () => {
  it('words the funnel’s conversion and drop-off, naming each step’s stages', () => {
    expect(funnelStepDefinitions('LEAD')).toEqual({
      entered: 'Moves into LEAD in the period, by their time; a lead that enters LEAD again counts again.',
      conversionFromPrevious: null,
      dropOff: null,
    });
    expect(funnelStepDefinitions('SAL')).toEqual({
      entered: 'Moves into SAL in the period, by their time; a lead that enters SAL again counts again.',
      conversionFromPrevious:
        'Moves into SAL ÷ moves into MQL in the period, as a percentage; above 100 % when more entered SAL ' +
        'than MQL (flows in the period, not one cohort).',
      dropOff: 'Moves into MQL minus moves into SAL in the period; negative when more entered SAL than MQL.',
    });
    for (const stage of FUNNEL_STAGES.slice(1)) {
      const words = funnelStepDefinitions(stage);
      expect(words.conversionFromPrevious).toContain(`Moves into ${stage} ÷`);
      expect(words.dropOff).toContain(`minus moves into ${stage}`);
    }
    expect(Object.values(FUNNEL_FIGURES).every((text) => text.length > 40)).toBe(true);
  });

  it('defines every rep column, in the metric’s words plus whom it credits', () => {
    const definitions = repFigureDefinitions();
    expect(Object.keys(definitions)).toEqual([...REP_FIGURE_KEYS]);
    expect(definitions.revenueWon).toBe(
      `${metricByKey('revenue-won')?.definition} Credited to the opportunity’s owner.`,
    );
    expect(definitions.qualifiedMeetingsHeld).toBe(
      `${metricByKey('qualified-meetings-held')?.definition} Credited to the meeting’s owner.`,
    );
    expect(definitions.callsMade).toBe(
      `${metricByKey('calls-made')?.definition} Credited to the lead’s owner.`,
    );
    expect(definitions.acceptedHandovers).toBe(
      'Handovers accepted by sales in the period, by decision time; credited to the handover’s owner.',
    );
    expect(definitions.activities).toMatch(/^Calls made, e-mails sent and meetings booked together/);
    expect(definitions.name).toMatch(/^The member the facts are credited to/);
  });

  it('takes a metric’s words from the agreement when its KPI words it', () => {
    const definitions = repFigureDefinitions({ 'revenue-won': 'Closed-won, as both teams signed.' });
    expect(definitions.revenueWon).toBe(
      'Closed-won, as both teams signed. Credited to the opportunity’s owner.',
    );
    expect(definitions.emailsSent).toBe(repFigureDefinitions().emailsSent);
  });

  it('defines the rejection tables’ groups, each reason and the total', () => {
    expect(Object.keys(REJECTION_FIGURES.group)).toEqual([...REJECTION_GROUPS]);
    expect(REJECTION_GROUPS).toEqual(['source', 'campaign', 'grade']);
    expect(REJECTION_FIGURES.group.campaign).toBe(
      'The lead’s campaign, as the lead has it now; “None given” when it has none.',
    );
    expect(rejectionReasonDefinition('No budget')).toBe(
      'Handovers sales rejected as “No budget” in the period, by decision time, in this row; the reason as it ' +
        'was last worded.',
    );
    expect(REJECTION_FIGURES.total).toMatch(/the sum of its reasons\.$/);
  });
});

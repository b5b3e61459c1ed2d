import { FUNNEL_STAGES, FunnelStage } from './facts';
import { metricByKey } from './metrics';

/**
 * The definitions of the dashboard's figures that are not metrics of their own — the funnel's conversion and
 * drop-off, the rep table's and the rejection tables' columns — shown on hover as the metrics' definitions are.
 * Where a column counts what a metric counts, its words are the metric's (the agreement's, when its KPI catalogue
 * words that metric) and say whom the column credits.
 */

/** The funnel table's figures, for its column headers. */
export const FUNNEL_FIGURES = {
  entered:
    'Moves into the stage in the period (lead stage transitions, by their time); a lead that enters a stage ' +
    'again counts again.',
  conversionFromPrevious:
    'This step ÷ the step before, as a percentage. Steps are flows in the period, not one cohort followed ' +
    'through time, so it is above 100 % when more entered this stage than the one before.',
  dropOff:
    'The step before minus this step: how many fewer entered this stage than the one before in the period; ' +
    'negative when more did.',
} as const;

/** A funnel step's figures in words naming its stages; conversion and drop-off are null for the first step. */
export interface FunnelStepDefinitions {
  entered: string;
  conversionFromPrevious: string | null;
  dropOff: string | null;
}

/** "Moves into SAL ÷ moves into MQL in the period, as a percentage …": what each figure of a step counts. */
export function funnelStepDefinitions(stage: FunnelStage): FunnelStepDefinitions {
  const index = FUNNEL_STAGES.indexOf(stage);
  const entered = `Moves into ${stage} in the period, by their time; a lead that enters ${stage} again counts again.`;
  if (index <= 0) return { entered, conversionFromPrevious: null, dropOff: null };
  const previous = FUNNEL_STAGES[index - 1];
  return {
    entered,
    conversionFromPrevious:
      `Moves into ${stage} ÷ moves into ${previous} in the period, as a percentage; above 100 % when more ` +
      `entered ${stage} than ${previous} (flows in the period, not one cohort).`,
    dropOff:
      `Moves into ${previous} minus moves into ${stage} in the period; negative when more entered ${stage} ` +
      `than ${previous}.`,
  };
}

/** The rep table's columns, as the API's RepRow names them (and `activities`, their sum, and `name`). */
export const REP_FIGURE_KEYS = [
  'name',
  'revenueWon',
  'quota',
  'attainment',
  'qualifiedMeetingsHeld',
  'acceptedHandovers',
  'callsMade',
  'emailsSent',
  'meetingsBooked',
  'activities',
] as const;
export type RepFigureKey = (typeof REP_FIGURE_KEYS)[number];

/** Each rep column: the metric it counts per rep (if one does) and whom it credits. */
const REP_FIGURES: Readonly<Record<RepFigureKey, { metricKey: string | null; words: string }>> = {
  name: {
    metricKey: null,
    words:
      'The member the facts are credited to — the opportunity’s owner for wins, the meeting’s for meetings, ' +
      'the handover’s for handovers, the lead’s for activity; members with none of these are left out.',
  },
  revenueWon: { metricKey: 'revenue-won', words: 'Credited to the opportunity’s owner.' },
  quota: {
    metricKey: null,
    words:
      'The rep’s quota for the period: their monthly quota (set on the Members page) times the months the ' +
      'period holds — a quarter is three months; other spans count days over an average month.',
  },
  attainment: {
    metricKey: null,
    words:
      'Revenue won ÷ quota for the period: 100 % is on quota. Shown beside activity, never ranked by it.',
  },
  qualifiedMeetingsHeld: { metricKey: 'qualified-meetings-held', words: 'Credited to the meeting’s owner.' },
  acceptedHandovers: {
    metricKey: null,
    words: 'Handovers accepted by sales in the period, by decision time; credited to the handover’s owner.',
  },
  callsMade: { metricKey: 'calls-made', words: 'Credited to the lead’s owner.' },
  emailsSent: { metricKey: 'emails-sent', words: 'Credited to the lead’s owner.' },
  meetingsBooked: { metricKey: 'meetings-booked', words: 'Credited to the lead’s owner.' },
  activities: {
    metricKey: null,
    words:
      'Calls made, e-mails sent and meetings booked together: the rep’s activity volume, beside their outcomes. ' +
      'A diagnostic, never a goal.',
  },
};

/**
 * The definition of each rep column. `worded` gives a metric's definition as the dashboard shows it (the KPI
 * catalogue's words when it words the metric, by key); a metric it leaves out has the built-in definition.
 */
export function repFigureDefinitions(
  worded: Readonly<Record<string, string>> = {},
): Record<RepFigureKey, string> {
  const definitions = {} as Record<RepFigureKey, string>;
  for (const key of REP_FIGURE_KEYS) {
    const { metricKey, words } = REP_FIGURES[key];
    const metric = metricKey === null ? null : (worded[metricKey] ?? metricByKey(metricKey)?.definition);
    definitions[key] = metric ? `${metric} ${words}` : words;
  }
  return definitions;
}

/** How the dashboard groups rejected handovers: by the lead's source or campaign, or by the handover's grade. */
export const REJECTION_GROUPS = ['source', 'campaign', 'grade'] as const;
export type RejectionGroup = (typeof REJECTION_GROUPS)[number];

/** The rejection tables' columns in words: the group's, a reason's and the row's total. */
export const REJECTION_FIGURES = {
  group: {
    source: 'The lead’s source, as the lead has it now; “None given” when it has none.',
    campaign: 'The lead’s campaign, as the lead has it now; “None given” when it has none.',
    grade: 'The grade the handover gave the lead when it was handed over to sales.',
  } satisfies Record<RejectionGroup, string>,
  total:
    'Handovers rejected with a reason in the period, by decision time, in this row: the sum of its reasons.',
} as const;

/** A reason's column: "Handovers sales rejected as “No budget” in the period …". */
export function rejectionReasonDefinition(label: string): string {
  return (
    `Handovers sales rejected as “${label}” in the period, by decision time, in this row; the reason as ` +
    'it was last worded.'
  );
}

import { leadDetail } from '../testing/leads';
import {
  contributionLines,
  fitScaleNote,
  signalKind,
  signalTimeline,
  transitionsNewestFirst,
} from './lead-explanation';

describe('contributionLines', () => {
  it("gives every contribution its signed points and the summary's wording, with signals over the cap", () => {
    const explanation = leadDetail().explanation!;

    expect(contributionLines(explanation)).toEqual({
      fit: {
        lines: [
          { key: 'size', points: '+20', label: '200–1,000 employees', negative: false },
          { key: 'personal', points: '\u221230', label: 'Personal e-mail address', negative: true },
        ],
        adjustment: null,
      },
      intent: {
        lines: [
          {
            key: 'PRICING_PAGE_VISIT',
            // 14.6 points: an intent of 14 as scores are read, so its one part reads 14 too.
            points: '+14',
            label: 'Pricing page visit ×3, decayed (1 more over the cap)',
            negative: false,
          },
        ],
        adjustment: null,
      },
    });
  });

  it('gives whole points that add up to the whole score, the clamp included', () => {
    const explanation = leadDetail().explanation!;
    const lines = contributionLines({
      ...explanation,
      // 40.6 + 30.6 + 30.6 = 101.8, capped at 100 (−1.8).
      intent: [40.6, 30.6, 30.6].map((contribution, index) => ({
        ...explanation.intent[0],
        key: `T${index}`,
        contribution,
      })),
      intentAdjustment: -1.8,
    });
    expect([...lines.intent.lines.map((line) => line.points), lines.intent.adjustment]).toEqual([
      '+41',
      '+31',
      '+30',
      '\u22122',
    ]);
  });
});

describe('fitScaleNote', () => {
  const line = (label: string, points: number, contribution: number) => ({
    ...leadDetail().explanation!.fit[0],
    key: label,
    label,
    points,
    contribution,
  });
  const scaled = (label: string, points: number) => line(label, points, (points * 100) / 95);

  it("says why a criterion's points differ from the agreement's, naming one that does", () => {
    // Best criteria adding up to 95: +10 counts 10.5 and reads +10; +25 counts 26.3 and reads +26.
    expect(
      fitScaleNote({
        fit: [scaled('Core markets', 10), scaled('200–1,000 employees', 25)],
        fitAdjustment: 0,
      }),
    ).toBe(
      "Fit points are scaled so that the best possible lead scores 100: the agreement's best criteria add up " +
        'to 95, so each point counts ×1.05 (200–1,000 employees: +25 in the agreement, +26 here).',
    );
  });

  it('says nothing when every line reads as the agreement wrote it, or no criterion matched', () => {
    expect(fitScaleNote({ fit: [line('a', 25, 25), line('b', -30, -30)], fitAdjustment: 0 })).toBeNull();
    // Scaled, but +10 still reads +10: nothing on screen needs explaining.
    expect(fitScaleNote({ fit: [scaled('Core markets', 10)], fitAdjustment: 0 })).toBeNull();
    expect(fitScaleNote({ fit: [], fitAdjustment: 0 })).toBeNull();
  });
});

describe('signalKind', () => {
  const explanation = leadDetail().explanation!;

  it('tells intent, activity and types the version does not score apart', () => {
    expect([
      signalKind('PRICING_PAGE_VISIT', explanation),
      signalKind('CALL_MADE', explanation),
      signalKind('PODCAST_LISTENED', explanation),
    ]).toEqual(['INTENT', 'ACTIVITY', 'NOT_SCORED']);
  });

  it('counts activity as activity even before any version scored the lead', () => {
    expect([signalKind('MEETING_BOOKED', null), signalKind('DEMO_REQUEST', null)]).toEqual([
      'ACTIVITY',
      'NOT_SCORED',
    ]);
  });
});

describe('signalTimeline', () => {
  it('lists the signals newest first with their label and how they counted', () => {
    expect(signalTimeline(leadDetail())).toEqual([
      {
        externalId: 's2',
        type: 'CALL_MADE',
        label: 'Call made',
        occurredAt: '2026-11-24T09:00:00.000Z',
        source: null,
        kind: 'ACTIVITY',
        kindLabel: 'Activity',
      },
      {
        externalId: 's3',
        type: 'PODCAST_LISTENED',
        label: 'Podcast listened',
        occurredAt: '2026-11-22T09:00:00.000Z',
        source: 'rss',
        kind: 'NOT_SCORED',
        kindLabel: 'Not scored',
      },
      {
        externalId: 's1',
        type: 'PRICING_PAGE_VISIT',
        label: 'Pricing page visit',
        occurredAt: '2026-11-20T09:00:00.000Z',
        source: 'web',
        kind: 'INTENT',
        kindLabel: 'Intent',
      },
    ]);
  });
});

describe('transitionsNewestFirst', () => {
  it('puts the latest stage change first without changing the input', () => {
    const { transitions } = leadDetail();

    expect(transitionsNewestFirst(transitions).map((entry) => entry.toStage)).toEqual(['MQL', 'LEAD']);
    expect(transitions.map((entry) => entry.toStage)).toEqual(['LEAD', 'MQL']);
  });
});

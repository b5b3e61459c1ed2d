import { NOW, daysAgo, signal, starter } from '../testing/fixtures';
import { scoreIntent } from './intent';

const rules = starter().intent;

describe('scoreIntent on the starter agreement', () => {
  it('decays each signal by its half-life, counts the most recent up to the cap and reports the rest', () => {
    const signals = [
      signal('PRICING_PAGE_VISIT', daysAgo(42)),
      signal('DEMO_REQUEST', daysAgo(30)),
      signal('PRICING_PAGE_VISIT', daysAgo(0)),
      signal('EMAIL_SENT', daysAgo(2)),
      signal('PRICING_PAGE_VISIT', daysAgo(28)),
      signal('PODCAST_LISTEN', daysAgo(3)),
      signal('CALL_MADE', daysAgo(1)),
      signal('PRICING_PAGE_VISIT', daysAgo(14)),
      signal('EMAIL_SENT', daysAgo(5)),
      signal('PRICING_PAGE_VISIT', daysAgo(-1)),
    ];

    // Demo request: 60 × ½ (one half-life of 30 days). Pricing: 15 × (1 + ½ + ¼);
    // the 42-day-old visit is over the cap of 3.
    expect(scoreIntent(signals, rules, NOW)).toEqual({
      score: 56.25,
      temperature: 'WARM',
      contributions: [
        {
          type: 'DEMO_REQUEST',
          label: 'Demo request',
          counted: 1,
          overCap: 0,
          decayed: true,
          points: 30,
          contribution: 30,
        },
        {
          type: 'PRICING_PAGE_VISIT',
          label: 'Pricing page visit',
          counted: 3,
          overCap: 1,
          decayed: true,
          points: 26.25,
          contribution: 26.25,
        },
      ],
      adjustment: 0,
      unknownTypes: [{ type: 'PODCAST_LISTEN', count: 1 }],
      activity: [
        { type: 'EMAIL_SENT', count: 2 },
        { type: 'CALL_MADE', count: 1 },
      ],
      futureSignals: 1,
    });
  });

  it('counts the most recent signals when there are more than the cap', () => {
    const signals = [signal('DEMO_REQUEST', daysAgo(30)), signal('DEMO_REQUEST', daysAgo(0))];

    expect(scoreIntent(signals, rules, NOW).contributions).toEqual([
      {
        type: 'DEMO_REQUEST',
        label: 'Demo request',
        counted: 1,
        overCap: 1,
        decayed: false,
        points: 60,
        contribution: 60,
      },
    ]);
  });

  it('caps the score at 100 and reports the cap as the adjustment', () => {
    const today = daysAgo(0);
    const signals = [
      signal('DEMO_REQUEST', today),
      signal('WEBINAR_ATTENDED', today),
      signal('WEBINAR_ATTENDED', today),
      signal('TOPIC_SURGE', today),
    ];

    // 60 + 2 × 15 + 10 = 100; one more e-mail click (3) takes the raw sum to 103.
    const atHundred = scoreIntent(signals, rules, NOW);
    const over = scoreIntent([...signals, signal('EMAIL_CLICK', today)], rules, NOW);

    expect({ score: atHundred.score, adjustment: atHundred.adjustment }).toEqual({
      score: 100,
      adjustment: 0,
    });
    expect({ score: over.score, adjustment: over.adjustment, temperature: over.temperature }).toEqual({
      score: 100,
      adjustment: -3,
      temperature: 'HOT',
    });
  });

  it('never scores activity, however much of it there is', () => {
    const signals = ['EMAIL_SENT', 'CALL_MADE', 'MEETING_BOOKED'].flatMap((type) =>
      Array.from({ length: 20 }, () => signal(type, daysAgo(1))),
    );

    expect(scoreIntent(signals, rules, NOW)).toEqual({
      score: 0,
      temperature: 'COLD',
      contributions: [],
      adjustment: 0,
      unknownTypes: [],
      activity: [
        { type: 'EMAIL_SENT', count: 20 },
        { type: 'CALL_MADE', count: 20 },
        { type: 'MEETING_BOOKED', count: 20 },
      ],
      futureSignals: 0,
    });
  });

  it('reports unknown types sorted, whatever order they came in', () => {
    const signals = [
      signal('ZOOM_CHAT', daysAgo(1)),
      signal('pricing_page_visit', daysAgo(1)),
      signal('ZOOM_CHAT', daysAgo(2)),
    ];

    expect(scoreIntent(signals, rules, NOW).unknownTypes).toEqual([
      { type: 'ZOOM_CHAT', count: 2 },
      { type: 'pricing_page_visit', count: 1 },
    ]);
  });

  it('counts a signal at exactly `now` at full weight, and one a millisecond later not at all', () => {
    const atNow = scoreIntent([signal('DEMO_REQUEST', NOW)], rules, NOW);
    const justAfter = scoreIntent([signal('DEMO_REQUEST', new Date(NOW.getTime() + 1))], rules, NOW);

    expect({ score: atNow.score, futureSignals: atNow.futureSignals }).toEqual({
      score: 60,
      futureSignals: 0,
    });
    expect({ score: justAfter.score, futureSignals: justAfter.futureSignals }).toEqual({
      score: 0,
      futureSignals: 1,
    });
  });

  it('refuses an invalid date rather than dropping the signal silently', () => {
    expect(() => scoreIntent([signal('DEMO_REQUEST', new Date(NaN))], rules, NOW)).toThrow(RangeError);
    expect(() => scoreIntent([], rules, new Date(NaN))).toThrow(RangeError);
  });
});

describe('temperatures at their thresholds (WARM 30, HOT 60)', () => {
  // A demo request weighs 60 and halves every 30 days, by whole days of age: in full for its first 24 hours.
  const DAY = 86_400_000;
  it.each([
    ['today', daysAgo(0), 60, 'HOT'],
    ['a millisecond ago', new Date(NOW.getTime() - 1), 60, 'HOT'],
    ['a millisecond short of a day ago', new Date(NOW.getTime() - DAY + 1), 60, 'HOT'],
    ['a day ago', daysAgo(1), 60 * 0.5 ** (1 / 30), 'WARM'],
    ['30 days ago', daysAgo(30), 30, 'WARM'],
    ['30 days and a millisecond ago', new Date(daysAgo(30).getTime() - 1), 30, 'WARM'],
    ['31 days ago', daysAgo(31), 60 * 0.5 ** (31 / 30), 'COLD'],
  ])('a demo request %s scores %d: %s', (_when, occurredAt, score, temperature) => {
    const result = scoreIntent([signal('DEMO_REQUEST', occurredAt)], rules, NOW);
    expect({ score: result.score, temperature: result.temperature }).toEqual({
      score: expect.closeTo(score, 12),
      temperature,
    });
  });

  it('calls a signal decayed once it has lost weight, from its first whole day', () => {
    const decayed = (occurredAt: Date) =>
      scoreIntent([signal('DEMO_REQUEST', occurredAt)], rules, NOW).contributions[0].decayed;
    expect([decayed(new Date(NOW.getTime() - DAY + 1)), decayed(daysAgo(1))]).toEqual([false, true]);
  });
});

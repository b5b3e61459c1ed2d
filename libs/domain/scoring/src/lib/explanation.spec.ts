import { gmailStudent, vpOfMarketing } from '../testing/scenarios';
import { evaluateLead } from './evaluation';
import { explanationSummary, signedPoints, wholePoints } from './explanation';

describe('explanationSummary', () => {
  it('lists fit then intent, each largest first, in whole points', () => {
    expect(explanationSummary(evaluateLead(vpOfMarketing()))).toBe(
      // 85 of 95 points: fit 89.47, so its whole points add up to 89 (10.53 twice: the first gets the 11).
      '+26 200–1,000 employees · +16 Software or internet · +16 Director or above · +11 Core markets · ' +
        '+10 Holds budget · +5 Uses a CRM · +5 Revenue role in title · ' +
        '+30 Demo request, decayed · +26 Pricing page visit ×3, decayed',
    );
  });

  it('writes penalties with a minus sign (U+2212)', () => {
    expect(explanationSummary(evaluateLead(gmailStudent()))).toBe(
      '\u221242 Student · \u221232 Personal e-mail address · +4 Content download, decayed',
    );
  });

  it('does not call a signal from this very moment decayed', () => {
    const input = vpOfMarketing();
    const evaluation = evaluateLead({
      ...input,
      lead: { ...input.lead, employeeCount: null },
      signals: [{ type: 'DEMO_REQUEST', occurredAt: input.now }],
    });

    expect(explanationSummary(evaluation)).toBe(
      '+16 Software or internet · +16 Director or above · +11 Core markets · +10 Holds budget · ' +
        '+5 Uses a CRM · +5 Revenue role in title · +60 Demo request',
    );
  });

  it('is empty when nothing contributed', () => {
    const input = gmailStudent();
    const evaluation = evaluateLead({
      ...input,
      lead: { ...input.lead, seniority: null, emailDomain: null },
      signals: [],
    });

    expect(explanationSummary(evaluation)).toBe('');
  });

  it('sorts contributions itself, so a stored evaluation in any order reads the same', () => {
    const evaluation = evaluateLead(gmailStudent());
    const reordered = {
      ...evaluation,
      fit: { ...evaluation.fit, contributions: [...evaluation.fit.contributions].reverse() },
    };

    expect(explanationSummary(reordered)).toBe(explanationSummary(evaluation));
  });
});

describe('wholePoints', () => {
  it('rounds parts so that they add up to their sum rounded down, the ups to the largest remainders', () => {
    // One by one: 59 + 17 + 13 = 89 beside a score of 87.9, read as 87.
    expect(wholePoints([58.7, 16.6, 12.6])).toEqual([59, 16, 12]);
    expect(wholePoints([26.3, 15.8, 15.8, 10.5, 10.5])).toEqual([26, 16, 16, 10, 10]);
    expect(wholePoints([20, 15])).toEqual([20, 15]);
    expect(wholePoints([])).toEqual([]);
  });

  it('keeps a penalty and the clamp that floors the score at 0 adding up to 0', () => {
    const parts = [-42.1, -33.68, 75.78];
    const whole = wholePoints(parts);
    expect(whole.reduce((a, b) => a + b, 0)).toBe(0);
    whole.forEach((value, index) => expect(Math.abs(value - parts[index])).toBeLessThan(1));
  });

  it('adds up to a whole score that every best criterion makes, however the scaled parts round', () => {
    // The agreement's best criteria add up to 95; a lead matching all of them scores exactly 100.
    const parts = [25, 15, 15, 10, 10, 10, 5, 5].map((points) => (points * 100) / 95);
    expect(wholePoints([...parts, 0])).toEqual([26, 16, 16, 11, 11, 10, 5, 5, 0]);
  });

  it('ignores a float’s noise: 99.99999999999999 of parts is 100', () => {
    expect(
      wholePoints([
        23 / 1.67,
        12 / 1.67,
        30 / 1.67,
        25 / 1.67,
        25 / 1.67,
        13 / 1.67,
        18 / 1.67,
        21 / 1.67,
      ]).reduce((a, b) => a + b, 0),
    ).toBe(100);
  });

  it('writes the sign of the unrounded value', () => {
    expect([signedPoints(-0.3), signedPoints(2.5), signedPoints(-2.5), signedPoints(10.53, 10)]).toEqual([
      '\u22120',
      '+3',
      '\u22123',
      '+10',
    ]);
  });
});

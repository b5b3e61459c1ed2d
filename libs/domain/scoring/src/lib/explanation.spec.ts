import { gmailStudent, vpOfMarketing } from '../testing/scenarios';
import { evaluateLead } from './evaluation';
import { explanationSummary } from './explanation';

describe('explanationSummary', () => {
  it('lists fit then intent, each largest first, in whole points', () => {
    expect(explanationSummary(evaluateLead(vpOfMarketing()))).toBe(
      '+26 200–1,000 employees · +16 Software or internet · +16 Director or above · +11 Core markets · ' +
        '+11 Holds budget · +5 Uses a CRM · +5 Revenue role in title · ' +
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
      '+16 Software or internet · +16 Director or above · +11 Core markets · +11 Holds budget · ' +
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

import { starter } from '../../testing/fixtures';
import { DEFAULT_SAMPLE_LEAD, previewEvaluation, toLeadFacts, toSignalFacts } from './sample-lead';

const now = new Date('2026-03-10T12:00:00.000Z');

describe('toLeadFacts', () => {
  it('reads blanks as unknown and the e-mail as its domain', () => {
    expect(
      toLeadFacts({
        ...DEFAULT_SAMPLE_LEAD,
        employeeCount: Number.NaN,
        industry: '  ',
        technologies: 'Salesforce, , HubSpot ',
        email: 'Dana@Gmail.com',
        seniority: null,
      }),
    ).toEqual({
      employeeCount: null,
      annualRevenue: 20_000_000,
      industry: null,
      country: 'DE',
      technologies: ['Salesforce', 'HubSpot'],
      seniority: null,
      department: 'Marketing',
      emailDomain: 'gmail.com',
      title: 'Director of Marketing',
      budgetAuthority: true,
    });
  });
});

describe('toSignalFacts', () => {
  it('dates each signal the given days before now and skips incomplete rows', () => {
    expect(
      toSignalFacts(
        [
          { type: 'DEMO_REQUEST', daysAgo: 2 },
          { type: '', daysAgo: 1 },
          { type: 'EMAIL_CLICK', daysAgo: null },
        ],
        now,
      ),
    ).toEqual([{ type: 'DEMO_REQUEST', occurredAt: new Date('2026-03-08T12:00:00.000Z') }]);
  });
});

describe('previewEvaluation', () => {
  it('scores the sample lead with the draft, so a stricter grade A shows at once', () => {
    const document = starter();
    const before = previewEvaluation(DEFAULT_SAMPLE_LEAD, document, now);
    document.fit.grades.A = 95;
    document.fit.grades.B = 90;
    const after = previewEvaluation(DEFAULT_SAMPLE_LEAD, document, now);

    expect([before.fit.grade, after.fit.grade, before.fit.score]).toEqual(['A', 'C', after.fit.score]);
    expect(after.outcome).toBe(document.handover.matrix.C[after.intent.temperature]);
  });
});

import { gmailStudent, vpOfMarketing } from '../testing/scenarios';
import { evaluateLead } from './evaluation';
import { scoreFit } from './fit';

describe('evaluateLead on the starter agreement', () => {
  it('hands a well-fitting VP with recent buying signals to sales as an MQL', () => {
    const input = vpOfMarketing();
    const result = evaluateLead(input);

    // fit.spec checks each criterion's contribution for a lead like this; here the total, and that it is the fit.
    // 25 + 15 + 10 + 5 + 15 + 5 + 10 = 85 of 95 points.
    expect(result.fit.score).toBeCloseTo(8500 / 95, 10);
    expect(result).toEqual({
      versionId: 'version-1',
      fit: scoreFit(input.lead, input.version.document.fit),
      intent: {
        // Demo request 60 × ½; pricing visits 15 × (1 + ½ + ¼).
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
            overCap: 0,
            decayed: true,
            points: 26.25,
            contribution: 26.25,
          },
        ],
        adjustment: 0,
        unknownTypes: [],
        activity: [{ type: 'EMAIL_SENT', count: 1 }],
        futureSignals: 0,
      },
      outcome: 'MQL',
    });
  });

  it('keeps nurturing a gmail student, whatever they download', () => {
    expect(evaluateLead(gmailStudent())).toEqual({
      versionId: 'version-1',
      fit: {
        score: 0,
        grade: 'D',
        contributions: [
          {
            key: 'student',
            label: 'Student',
            field: 'seniority',
            points: -40,
            contribution: expect.closeTo(-4000 / 95, 10),
          },
          {
            key: 'personal-email',
            label: 'Personal e-mail address',
            field: 'emailDomain',
            points: -30,
            contribution: expect.closeTo(-3000 / 95, 10),
          },
        ],
        adjustment: expect.closeTo(7000 / 95, 10),
      },
      intent: {
        // One half-life of 21 days: 8 × ½.
        score: 4,
        temperature: 'COLD',
        contributions: [
          {
            type: 'CONTENT_DOWNLOAD',
            label: 'Content download',
            counted: 1,
            overCap: 0,
            decayed: true,
            points: 4,
            contribution: 4,
          },
        ],
        adjustment: 0,
        unknownTypes: [],
        activity: [],
        futureSignals: 0,
      },
      outcome: 'NURTURE',
    });
  });

  it('takes the outcome from the matrix cell of the grade and temperature', () => {
    const input = vpOfMarketing();
    const document = input.version.document;
    const matrix = {
      ...document.handover.matrix,
      A: { ...document.handover.matrix.A, WARM: 'FAST_TRACK' as const },
    };
    const version = {
      id: 'version-2',
      document: { ...document, handover: { ...document.handover, matrix } },
    };

    const result = evaluateLead({ ...input, version });

    expect({ versionId: result.versionId, outcome: result.outcome }).toEqual({
      versionId: 'version-2',
      outcome: 'FAST_TRACK',
    });
  });
});

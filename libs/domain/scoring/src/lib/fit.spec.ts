import { documentWithEmployeeBands, starter, unknownLead } from '../testing/fixtures';
import { maxPositivePoints, scoreFit } from './fit';
import { prepareScoring } from './prepared';

// The starter's best lead: 25 (employees) + 10 + 15 + 10 + 5 + 15 (seniority; Student is negative) + 5 + 10.
const STARTER_MAX_POSITIVE = 95;

describe('maxPositivePoints', () => {
  it('counts only the largest positive points of each field', () => {
    expect(maxPositivePoints(starter().fit.criteria)).toBe(STARTER_MAX_POSITIVE);
  });

  it('refuses criteria without positive points, which would divide by zero', () => {
    const criteria = starter().fit.criteria.filter((criterion) => criterion.points < 0);
    expect(() => maxPositivePoints(criteria)).toThrow(RangeError);
  });
});

describe('scoreFit on the starter agreement', () => {
  it('scores a VP of Marketing holding budget at a 500-person SaaS company in the US', () => {
    const lead = unknownLead({
      employeeCount: 500,
      industry: 'SaaS',
      country: 'us',
      technologies: ['Slack', 'Salesforce'],
      seniority: 'VP',
      department: 'Marketing',
      emailDomain: 'acme.io',
      title: 'VP of Marketing',
      budgetAuthority: true,
    });

    // Matched: 25 + 15 + 10 + 5 + 15 + 5 + 10 = 85 of 95 points; revenue is unknown.
    expect(scoreFit(lead, starter().fit)).toEqual({
      score: expect.closeTo(8500 / 95, 10),
      grade: 'A',
      contributions: [
        {
          key: 'employees-200-1000',
          label: '200–1,000 employees',
          field: 'employeeCount',
          points: 25,
          contribution: expect.closeTo(2500 / 95, 10),
        },
        {
          key: 'industry-software',
          label: 'Software or internet',
          field: 'industry',
          points: 15,
          contribution: expect.closeTo(1500 / 95, 10),
        },
        {
          key: 'senior-buyer',
          label: 'Director or above',
          field: 'seniority',
          points: 15,
          contribution: expect.closeTo(1500 / 95, 10),
        },
        {
          key: 'region-core',
          label: 'Core markets',
          field: 'country',
          points: 10,
          contribution: expect.closeTo(1000 / 95, 10),
        },
        {
          key: 'budget-holder',
          label: 'Holds budget',
          field: 'budgetAuthority',
          points: 10,
          contribution: expect.closeTo(1000 / 95, 10),
        },
        {
          key: 'uses-crm',
          label: 'Uses a CRM',
          field: 'technologies',
          points: 5,
          contribution: expect.closeTo(500 / 95, 10),
        },
        {
          key: 'revenue-titles',
          label: 'Revenue role in title',
          field: 'title',
          points: 5,
          contribution: expect.closeTo(500 / 95, 10),
        },
      ],
      adjustment: 0,
    });
  });

  it('floors a student with a gmail address at 0 and reports the floor as the adjustment', () => {
    const lead = unknownLead({ seniority: 'STUDENT', emailDomain: 'gmail.com', title: 'Student' });

    expect(scoreFit(lead, starter().fit)).toEqual({
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
    });
  });

  it('scores a lead about whom nothing is known 0, with nothing to explain', () => {
    expect(scoreFit(unknownLead(), starter().fit)).toEqual({
      score: 0,
      grade: 'D',
      contributions: [],
      adjustment: 0,
    });
  });

  it('caps at 100 when overlapping criteria on one field both match', () => {
    const document = starter();
    const fit = {
      ...document.fit,
      criteria: [
        ...document.fit.criteria,
        {
          key: 'large',
          label: 'Large',
          field: 'employeeCount' as const,
          condition: { kind: 'RANGE' as const, min: 500, max: null },
          points: 20,
        },
      ],
    };
    const lead = unknownLead({
      employeeCount: 600,
      annualRevenue: 20_000_000,
      industry: 'software',
      country: 'DE',
      technologies: ['HubSpot'],
      seniority: 'C_LEVEL',
      title: 'Chief Revenue Officer',
      budgetAuthority: true,
    });

    const result = scoreFit(lead, fit);

    // 95 + 20 of 95 points: 121.05…, capped.
    expect(result.score).toBe(100);
    expect(result.adjustment).toBeCloseTo(100 - 11500 / 95, 10);
    expect(result.contributions.map((item) => item.key)).toEqual([
      'employees-200-1000',
      'large',
      'industry-software',
      'senior-buyer',
      'revenue-10m-plus',
      'region-core',
      'budget-holder',
      'uses-crm',
      'revenue-titles',
    ]);
  });
});

describe('grades at their thresholds (A 75, B 55, C 35)', () => {
  // With a best criterion of 100 points, a band's points are exactly its score.
  const fit = documentWithEmployeeBands([
    { min: 10, max: 20, points: 75 },
    { min: 20, max: 30, points: 74.5 },
    { min: 30, max: 40, points: 55 },
    { min: 40, max: 50, points: 54.5 },
    { min: 50, max: 60, points: 35 },
    { min: 60, max: 70, points: 34.5 },
  ]).fit;

  it.each([
    [15, 75, 'A'],
    [25, 74.5, 'B'],
    [35, 55, 'B'],
    [45, 54.5, 'C'],
    [55, 35, 'C'],
    [65, 34.5, 'D'],
  ])('%d employees score %d: %s', (employeeCount, score, grade) => {
    const result = scoreFit(unknownLead({ employeeCount }), fit);
    expect({ score: result.score, grade: result.grade }).toEqual({ score, grade });
  });
});

describe('scoreFit at the top of the scale and on a threshold', () => {
  // Points whose scaled parts (23 / 167 × 100, … in the document's order) add up to 99.99999… in floating point.
  const POINTS: Record<string, number> = {
    'employees-50-200': 5,
    'employees-200-1000': 23,
    'employees-1000-plus': 10,
    'revenue-10m-plus': 12,
    'industry-software': 30,
    'region-core': 25,
    'uses-crm': 25,
    'senior-buyer': 13,
    'revenue-titles': 18,
    'budget-holder': 21,
  };
  const document = starter();
  document.fit.criteria = document.fit.criteria.map((criterion) => ({
    ...criterion,
    points: POINTS[criterion.key] ?? criterion.points,
  }));
  const best = unknownLead({
    employeeCount: 500,
    annualRevenue: 20_000_000,
    industry: 'SaaS',
    country: 'us',
    technologies: ['Salesforce'],
    seniority: 'VP',
    title: 'VP of Marketing',
    budgetAuthority: true,
    emailDomain: 'acme.io',
  });

  it('scores a lead matching every best criterion exactly 100, in the explained and the prepared engine', () => {
    expect(maxPositivePoints(document.fit.criteria)).toBe(167);
    expect(scoreFit(best, document.fit)).toMatchObject({ score: 100, grade: 'A', adjustment: 0 });
    expect(prepareScoring(document)(best, {}, 0).fitScore).toBe(100);
  });

  it('makes the grade of a lead whose points land exactly on its threshold', () => {
    // 5 + 15 + 5 + 1 of 52 points is 50 exactly; its scaled parts add up to 49.99999….
    const small: Record<string, number> = {
      'employees-50-200': 1,
      'employees-200-1000': 5,
      'employees-1000-plus': 2,
      'revenue-10m-plus': 15,
      'industry-software': 5,
      'region-core': 1,
      'uses-crm': 10,
      'senior-buyer': 10,
      'revenue-titles': 3,
      'budget-holder': 3,
    };
    const fit = {
      ...document.fit,
      grades: { A: 80, B: 50, C: 30 },
      criteria: document.fit.criteria.map((criterion) => ({
        ...criterion,
        points: small[criterion.key] ?? criterion.points,
      })),
    };
    const lead = unknownLead({
      employeeCount: 500,
      annualRevenue: 20_000_000,
      industry: 'SaaS',
      country: 'us',
    });
    expect(maxPositivePoints(fit.criteria)).toBe(52);
    expect(scoreFit(lead, fit)).toMatchObject({ score: 50, grade: 'B' });
    expect(prepareScoring({ ...document, fit })(lead, {}, 0)).toMatchObject({ fitScore: 50, grade: 'B' });
  });
});

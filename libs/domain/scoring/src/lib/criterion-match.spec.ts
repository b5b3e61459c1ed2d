import type { FitCriterion } from '@accord/domain/agreement';

import { unknownLead } from '../testing/fixtures';
import { criterionMatches } from './criterion-match';
import type { LeadFacts } from './lead';

function criterion(field: FitCriterion['field'], condition: FitCriterion['condition']): FitCriterion {
  return { key: 'c', label: 'C', field, condition, points: 10 };
}

function matches(candidate: FitCriterion, facts: Partial<LeadFacts>): boolean {
  return criterionMatches(candidate, unknownLead(facts));
}

describe('criterionMatches', () => {
  describe('RANGE: min ≤ value < max', () => {
    const band = criterion('employeeCount', { kind: 'RANGE', min: 200, max: 1000 });

    it.each([
      [199, false],
      [200, true],
      [999.5, true],
      [1000, false],
    ])('%d employees in 200–1,000: %s', (employeeCount, expected) => {
      expect(matches(band, { employeeCount })).toBe(expected);
    });

    it('treats a null bound as open', () => {
      const atLeast = criterion('annualRevenue', { kind: 'RANGE', min: 10_000_000, max: null });
      const below = criterion('annualRevenue', { kind: 'RANGE', min: null, max: 10_000_000 });
      expect(matches(atLeast, { annualRevenue: 1e15 })).toBe(true);
      expect(matches(below, { annualRevenue: -5 })).toBe(true);
      expect(matches(below, { annualRevenue: 10_000_000 })).toBe(false);
    });

    it('never matches an unknown or NaN value', () => {
      const below = criterion('employeeCount', { kind: 'RANGE', min: null, max: 50 });
      expect(matches(below, { employeeCount: null })).toBe(false);
      expect(matches(below, { employeeCount: NaN })).toBe(false);
    });
  });

  describe('ANY_OF: equal to one of the values, ignoring case', () => {
    const core = criterion('country', { kind: 'ANY_OF', values: ['US', 'GB'] });

    it('ignores case', () => {
      expect(matches(core, { country: 'us' })).toBe(true);
      expect(matches(core, { country: 'Gb' })).toBe(true);
    });

    it('wants equality, not containment', () => {
      expect(matches(core, { country: 'USA' })).toBe(false);
      expect(matches(core, { country: 'U' })).toBe(false);
    });

    it('never matches an unknown or empty value', () => {
      expect(matches(core, { country: null })).toBe(false);
      expect(matches(core, { country: '' })).toBe(false);
    });

    it('matches technologies when any of the entries is one of the values', () => {
      const crm = criterion('technologies', { kind: 'ANY_OF', values: ['Salesforce', 'HubSpot'] });
      expect(matches(crm, { technologies: ['Slack', 'hubspot'] })).toBe(true);
      expect(matches(crm, { technologies: ['Slack', 'Salesforce Commerce'] })).toBe(false);
      expect(matches(crm, { technologies: [] })).toBe(false);
    });
  });

  describe('CONTAINS_ANY: the title holds a keyword as a whole word or phrase', () => {
    const revenueRoles = criterion('title', {
      kind: 'CONTAINS_ANY',
      keywords: ['marketing', 'sales', 'revenue operations'],
    });

    it.each([
      ['VP Marketing', true],
      ['vp marketing', true],
      ['Head of Sales & Growth', true],
      ['Director, Sales-Ops', true],
      ['Chief Revenue  Operations Officer', true],
      ['Marketing', true],
      ['Telemarketing Lead', false],
      ['Salesforce Administrator', false],
      ['Revenue Accountant', false],
      ['Marketingová ředitelka', false],
      ['', false],
    ])('"%s": %s', (title, expected) => {
      expect(matches(revenueRoles, { title })).toBe(expected);
    });

    it('finds a whole word after a partial one in the same title', () => {
      expect(matches(revenueRoles, { title: 'Telemarketing and Marketing' })).toBe(true);
    });

    it('never matches an unknown title', () => {
      expect(matches(revenueRoles, { title: null })).toBe(false);
    });
  });

  describe('IS: the yes/no field equals the value', () => {
    const holdsBudget = criterion('budgetAuthority', { kind: 'IS', value: true });
    const lacksBudget = criterion('budgetAuthority', { kind: 'IS', value: false });

    it('compares the boolean', () => {
      expect(matches(holdsBudget, { budgetAuthority: true })).toBe(true);
      expect(matches(holdsBudget, { budgetAuthority: false })).toBe(false);
      expect(matches(lacksBudget, { budgetAuthority: false })).toBe(true);
    });

    it('never matches an unknown value, even against false', () => {
      expect(matches(lacksBudget, { budgetAuthority: null })).toBe(false);
    });
  });

  it('never matches a condition of the wrong kind for its field', () => {
    // parseAgreementDocument refuses such criteria; scoring still must not invent a match.
    const rangeOnText = criterion('industry', { kind: 'RANGE', min: null, max: 10 });
    const listOnNumber = criterion('employeeCount', { kind: 'ANY_OF', values: ['500'] });
    expect(matches(rangeOnText, { industry: '5' })).toBe(false);
    expect(matches(listOnNumber, { employeeCount: 500 })).toBe(false);
  });
});

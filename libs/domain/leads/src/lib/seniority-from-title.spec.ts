import { impliedSeniority, seniorityFromTitle } from './seniority-from-title';

describe('seniorityFromTitle', () => {
  it.each([
    ['VP Marketing', 'VP'],
    ['Vice President, Sales', 'VP'],
    ['SVP of Revenue', 'VP'],
    ['Head of Demand Generation', 'VP'],
    ['Chief Revenue Officer', 'C_LEVEL'],
    ['CFO', 'C_LEVEL'],
    ['Co-founder & CEO', 'C_LEVEL'],
    ['Geschäftsführer', 'C_LEVEL'],
    ['Directeur Général', 'C_LEVEL'],
    ['Owner', 'C_LEVEL'],
    ['Director of Marketing', 'DIRECTOR'],
    ['Associate Director, Growth', 'DIRECTOR'],
    ['Senior Engineering Manager', 'MANAGER'],
    ['Marketing Team Lead', 'MANAGER'],
    ['Marketing Intern', 'STUDENT'],
    ['International Sales Director', 'DIRECTOR'],
    ['Software Engineer', 'INDIVIDUAL'],
    ['Account Executive', 'INDIVIDUAL'],
    ['Sales Development Representative', 'INDIVIDUAL'],
  ])('reads %p as %p', (title, seniority) => {
    expect(seniorityFromTitle(title)).toBe(seniority);
  });

  it.each([
    ['Product Owner', null],
    ['Executive Assistant to the CEO', null],
    ['Lead Generation Specialist', 'INDIVIDUAL' as const],
    ['Marketing', null],
    ['Telemarketing and Marketing', null],
    ['', null],
    [null, null],
  ])('does not read a level %p does not name: %p', (title, seniority) => {
    expect(seniorityFromTitle(title)).toBe(seniority);
  });
});

describe('impliedSeniority', () => {
  it('holds for the seniority the title names, not for one chosen against it or none', () => {
    expect(impliedSeniority({ title: 'VP Marketing', seniority: 'VP' })).toBe(true);
    expect(impliedSeniority({ title: 'VP Marketing', seniority: 'DIRECTOR' })).toBe(false);
    expect(impliedSeniority({ title: 'Marketing', seniority: 'MANAGER' })).toBe(false);
    expect(impliedSeniority({ title: null, seniority: null })).toBe(false);
  });
});

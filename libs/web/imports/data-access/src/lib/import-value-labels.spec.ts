import { importValueLabel } from './import-value-labels';

describe('importValueLabel', () => {
  it('names seniorities and opportunity stages as the rest of the app does', () => {
    expect([
      importValueLabel('LEADS', 'seniority', 'C_LEVEL'),
      importValueLabel('LEADS', 'seniority', 'INDIVIDUAL'),
      importValueLabel('OPPORTUNITIES', 'stage', 'PROOF_OF_CONCEPT'),
      importValueLabel('OPPORTUNITIES', 'stage', 'WON'),
    ]).toEqual(['C-level', 'Individual contributor', 'Proof of concept', 'Won']);
  });

  it('reads a value without a label as its name in words', () => {
    expect([
      importValueLabel('SIGNALS', 'type', 'PRICING_PAGE_VISIT'),
      importValueLabel('SIGNALS', 'type', 'MEETING_BOOKED'),
      importValueLabel('LEADS', 'seniority', 'INTERN'),
      importValueLabel('LEADS', 'seniority', 'constructor'),
    ]).toEqual(['Pricing page visit', 'Meeting booked', 'Intern', 'Constructor']);
  });
});

import { fillCompanyFacts } from './company-facts';
import { type LeadFields, parseLeadFields } from './lead-input';

const lead = (input: Record<string, unknown>): LeadFields => {
  const result = parseLeadFields(input);
  if (!result.ok) throw new Error('fixture');
  return result.lead;
};

const acme = {
  companyName: 'Acme',
  employeeCount: 400,
  annualRevenue: 50_000_000,
  industry: 'Software',
  country: 'DE',
  technologies: ['Salesforce'],
};

describe('fillCompanyFacts', () => {
  it("fills every gap in the company's facts from what the workspace knows of the company", () => {
    const { lead: filled, filled: fields } = fillCompanyFacts(lead({ email: 'vp@acme.example' }), acme);
    expect(filled).toMatchObject({ email: 'vp@acme.example', companyDomain: 'acme.example', ...acme });
    expect(fields).toEqual([
      'companyName',
      'employeeCount',
      'annualRevenue',
      'industry',
      'country',
      'technologies',
    ]);
  });

  it('keeps what the lead gives, and leaves a gap the company has no value for', () => {
    const given = lead({ email: 'vp@acme.example', industry: 'Fintech', technologies: ['HubSpot'] });
    const { lead: filled, filled: fields } = fillCompanyFacts(given, {
      ...acme,
      country: null,
      employeeCount: 0,
    });
    expect(filled).toMatchObject({
      industry: 'Fintech',
      technologies: ['HubSpot'],
      country: null,
      employeeCount: 0,
    });
    expect(fields).toEqual(['companyName', 'employeeCount', 'annualRevenue']);
  });

  it('changes nothing for a company the workspace does not know', () => {
    const given = lead({ email: 'vp@acme.example' });
    expect(fillCompanyFacts(given, undefined)).toEqual({ lead: given, filled: [] });
  });
});

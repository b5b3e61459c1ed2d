import { leadFields } from '../testing/leads';
import { EMPTY_LEAD_FORM, leadFormFrom, problemsByField, toLeadInput } from './lead-form';

describe('toLeadInput', () => {
  it('turns a stored lead back into the same input', () => {
    expect(toLeadInput(leadFormFrom(leadFields()))).toEqual({
      ok: true,
      input: {
        email: 'ada@acme.test',
        firstName: 'Ada',
        lastName: 'Lovelace',
        title: 'VP Operations',
        seniority: 'VP',
        department: 'Operations',
        budgetAuthority: true,
        companyName: 'Acme',
        companyDomain: 'acme.test',
        employeeCount: 450,
        annualRevenue: 12000000,
        industry: 'Software',
        country: 'DE',
        technologies: ['Salesforce', 'HubSpot'],
        source: 'website',
        campaign: null,
        ownerId: null,
      },
    });
  });

  it('clears empty fields and reads numbers with separators', () => {
    const result = toLeadInput({
      ...EMPTY_LEAD_FORM,
      email: ' new@acme.test ',
      employeeCount: '1,200',
      annualRevenue: '2 500 000.50',
      technologies: ' Slack, , Jira ',
      budgetAuthority: 'NO',
    });

    expect(result).toEqual({
      ok: true,
      input: expect.objectContaining({
        email: 'new@acme.test',
        firstName: null,
        seniority: null,
        budgetAuthority: false,
        employeeCount: 1200,
        annualRevenue: 2500000.5,
        technologies: ['Slack', 'Jira'],
      }),
    });
  });

  it('names the numeric fields that do not parse, since GraphQL would refuse them without a field name', () => {
    expect(
      toLeadInput({ ...EMPTY_LEAD_FORM, email: 'a@b.test', employeeCount: '12.5', annualRevenue: 'lots' }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'employeeCount', message: 'must be a whole number' },
        { field: 'annualRevenue', message: 'must be a number' },
      ],
    });
  });
});

describe('problemsByField', () => {
  it("places the API's problems under their fields, one per field, and skips unknown paths", () => {
    expect(
      problemsByField([
        { field: 'email', message: 'must be an e-mail address' },
        { field: 'technologies.2', message: 'must be at most 100 characters' },
        { field: 'email', message: 'second problem' },
        { field: 'input', message: 'unknown field' },
      ]),
    ).toEqual({ email: 'Must be an e-mail address.', technologies: 'Must be at most 100 characters.' });
  });
});

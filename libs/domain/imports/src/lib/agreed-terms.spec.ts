import { starterAgreement } from '@accord/domain/agreement';

import { AgreedSpelling, agreedTermsOf } from './agreed-terms';
import { mappingFromProposal, proposeMapping } from './mapping';
import { RowPreparer } from './rows';

describe('agreed terms', () => {
  it("collects the terms of a version's any-of criteria by field", () => {
    const terms = agreedTermsOf(starterAgreement([]));
    expect(terms.get('industry')).toEqual(['Software', 'Internet', 'SaaS']);
    expect(terms.get('technologies')).toEqual(['Salesforce', 'HubSpot']);
    // A range criterion names no terms.
    expect(terms.has('employeeCount')).toBe(false);
  });

  const spelling = new AgreedSpelling(['Software', 'Internet', 'SaaS', 'Ecommerce', 'Healthcare']);

  it.each([
    ['Sofware', 'Software'],
    ['Softwrae', 'Software'],
    ['E-Commerce', 'Ecommerce'],
    ['Health care', 'Healthcare'],
    ['Heathcare', 'Healthcare'],
    ['S.a.a.S', 'SaaS'],
  ])('reads %j as the agreed %j, and says so', (text, term) => {
    expect(spelling.spell(text)).toEqual({
      ok: true,
      value: term,
      note: `"${text}" read as "${term}", as the agreement in force spells it`,
    });
  });

  it.each([
    // What the criteria already match: case does not count for them.
    'software',
    'SAAS',
    // Near no term, or too short to be a typo of one.
    'Retail',
    'Saa',
    'Intranet ltd',
    '---',
  ])('leaves %j as the file has it', (text) => {
    expect(spelling.spell(text)).toEqual({ ok: true, value: text, note: null });
  });

  it('leaves a text as close to two terms as it is, rather than guessing', () => {
    expect(new AgreedSpelling(['Banking', 'Baking']).spell('Bankng').value).toBe('Banking');
    expect(new AgreedSpelling(['Media', 'Medic']).spell('Medi').value).toBe('Medi');
  });

  it('spells each entry of a list once', () => {
    expect(
      new AgreedSpelling(['Salesforce', 'HubSpot']).spellEach(['Salesfroce', 'Salesforce', 'Slack']),
    ).toEqual({
      ok: true,
      value: ['Salesforce', 'Slack'],
      note: '"Salesfroce" read as "Salesforce", as the agreement in force spells it',
    });
  });

  it("spells an imported company's industry and technologies as the agreement in force does", () => {
    const headers = ['Email', 'Industry', 'Technologies', 'Job title'];
    const preparer = new RowPreparer(
      'LEADS',
      headers,
      mappingFromProposal(proposeMapping('LEADS', headers)),
      new Date('2026-01-01T00:00:00Z'),
      'USD',
      agreedTermsOf(starterAgreement([])),
    );
    const row = preparer.prepare(['ana@acme.com', 'Sofware', 'Hubspot; Salesforse', 'Sofware lead']);
    expect(row).toMatchObject({
      ok: true,
      value: {
        lead: expect.objectContaining({
          industry: 'Software',
          technologies: ['Hubspot', 'Salesforce'],
          // Not a field any criterion compares with terms: as the file has it.
          title: 'Sofware lead',
        }),
      },
      notes: [
        'Industry: "Sofware" read as "Software", as the agreement in force spells it',
        'Technologies: "Salesforse" read as "Salesforce", as the agreement in force spells it',
      ],
    });
  });
});

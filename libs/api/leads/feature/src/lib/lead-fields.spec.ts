import { parseLeadFields } from '@accord/domain/leads';

import { mergeLeadInput, sameLeadFields } from './lead-fields';
import { MAX_LEADS, leadItemsOf } from './leads-ingestion.controller';

const stored = (() => {
  const result = parseLeadFields({
    email: 'ava@northwind.example',
    firstName: 'Ava',
    companyDomain: 'nw.example',
  });
  if (!result.ok) throw new Error('fixture');
  return result.lead;
})();

describe('mergeLeadInput', () => {
  it('replaces given fields, keeps absent ones and clears those given as null', () => {
    const merged = mergeLeadInput(stored, { title: 'CFO', firstName: null });
    expect(merged).toMatchObject({ title: 'CFO', firstName: null, companyDomain: 'nw.example' });
  });

  it('derives the company domain again from a new e-mail given without one', () => {
    expect(mergeLeadInput(stored, { email: 'ava@southwind.example' })).toMatchObject({ companyDomain: null });
  });

  it('reads the seniority again from a new title when the old title implied it, and keeps a chosen one', () => {
    const titled = { ...stored, title: 'Analyst', seniority: 'INDIVIDUAL' };
    expect(mergeLeadInput(titled, { title: 'VP Sales' })).toMatchObject({
      title: 'VP Sales',
      seniority: null,
    });
    expect(parseLeadFields(mergeLeadInput(titled, { title: 'VP Sales' }))).toMatchObject({
      ok: true,
      lead: { seniority: 'VP' },
    });
    const chosen = { ...stored, title: 'Analyst', seniority: 'MANAGER' };
    expect(mergeLeadInput(chosen, { title: 'VP Sales' })).toMatchObject({ seniority: 'MANAGER' });
    expect(mergeLeadInput(titled, { title: 'VP Sales', seniority: 'DIRECTOR' })).toMatchObject({
      seniority: 'DIRECTOR',
    });
  });
});

describe('sameLeadFields', () => {
  it('tells an edit that changes nothing from one that changes a field', () => {
    const reparse = (input: Record<string, unknown>) => {
      const result = parseLeadFields(mergeLeadInput(stored, input));
      if (!result.ok) throw new Error('invalid');
      return result.lead;
    };
    expect(sameLeadFields(stored, reparse({ firstName: 'Ava' }))).toBe(true);
    expect(sameLeadFields(stored, reparse({ technologies: ['Salesforce'] }))).toBe(false);
  });
});

describe('leadItemsOf', () => {
  it('reads one lead object or an array of them', () => {
    expect(leadItemsOf({ email: 'a@b.example' }, true)).toEqual([{ email: 'a@b.example' }]);
    expect(leadItemsOf([{ a: 1 }, 'x'], true)).toEqual([{ a: 1 }, 'x']);
  });

  it('refuses no leads, a body the JSON parser did not take, and more than the maximum', () => {
    expect(leadItemsOf({}, false)).toEqual({ error: 'The request holds no leads.' });
    expect(leadItemsOf([], true)).toEqual({ error: 'The request holds no leads.' });
    expect(leadItemsOf(undefined, true)).toMatchObject({
      error: expect.stringContaining('application/json'),
    });
    expect(leadItemsOf(new Array(MAX_LEADS + 1).fill({}), true)).toEqual({ tooMany: true });
  });
});

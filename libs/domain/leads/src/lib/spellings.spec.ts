import fc from 'fast-check';

import type { FitCriterion } from '@accord/domain/agreement';
import { criterionMatches } from '@accord/domain/scoring';
import { unknownLead } from '@accord/domain/scoring/testing';

import {
  parseSpelling,
  respell,
  respeltIn,
  spellingKey,
  spellingsBook,
  spellingsIn,
  withFirstSpellings,
} from './spellings';

const book = spellingsBook([
  { field: 'source', key: 'linkedin', spelling: 'LinkedIn' },
  { field: 'industry', key: 'software', spelling: 'Software' },
]);

describe('spellings', () => {
  it('respells a value the workspace knows in another case, and says which it changed', () => {
    const { fields, respelt } = respell(
      { source: 'LINKEDIN', campaign: 'Spring', industry: 'Software', country: 'DE' },
      book,
    );
    expect(fields).toEqual({ source: 'LinkedIn', campaign: 'Spring', industry: 'Software', country: 'DE' });
    expect(respelt).toEqual([{ field: 'source', given: 'LINKEDIN', spelling: 'LinkedIn' }]);
  });

  it('keys by field: a source spelt like an industry is not respelt as one', () => {
    expect(respell({ source: 'SOFTWARE', industry: null }, book).fields).toEqual({
      source: 'SOFTWARE',
      industry: null,
    });
  });

  it('folds case only, not runs of white space or accents', () => {
    expect(spellingKey('Paid  Search')).not.toBe(spellingKey('paid search'));
    expect(spellingKey('Événements')).not.toBe(spellingKey('evenements'));
    expect(spellingKey('ÉVÉNEMENTS')).toBe(spellingKey('événements'));
  });

  it('adds the spellings a book does not know, the first of each key winning, as recording them would', () => {
    const added = withFirstSpellings(book, [
      { field: 'source', key: 'linkedin', spelling: 'linkedin' },
      { field: 'campaign', key: 'q3', spelling: 'Q3' },
      { field: 'campaign', key: 'q3', spelling: 'q3' },
    ]);
    expect(respell({ source: 'linkedin', campaign: 'q3' }, added).fields).toEqual({
      source: 'LinkedIn',
      campaign: 'Q3',
    });
    expect(book.size).toBe(2);
  });

  it("tells which values a writer stored in the workspace's spelling rather than as given", () => {
    expect(
      respeltIn(
        { source: ' linkedin ', campaign: 'Spring', industry: 'Retail' },
        { source: 'LinkedIn', campaign: 'Spring', industry: 'Software' },
      ),
    ).toEqual([{ field: 'source', given: 'linkedin', spelling: 'LinkedIn' }]);
  });

  it('lists the values of many leads once each, in their first spelling', () => {
    expect(
      spellingsIn([
        { source: 'Webinar', campaign: null },
        { source: 'WEBINAR', campaign: 'Q3 push' },
        { industry: ' Fintech ', campaign: 42 },
      ]),
    ).toEqual([
      { field: 'source', key: 'webinar', spelling: 'Webinar' },
      { field: 'campaign', key: 'q3 push', spelling: 'Q3 push' },
      { field: 'industry', key: 'fintech', spelling: 'Fintech' },
    ]);
  });

  it("never changes whether an industry criterion matches, so respelling never changes a lead's score", () => {
    const recased = (text: string, flips: boolean[]) =>
      [...text].map((char, index) => (flips[index] ? char.toUpperCase() : char.toLowerCase())).join('');
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { maxLength: 12 }),
        fc.array(fc.boolean(), { maxLength: 12 }),
        fc.boolean(),
        (text, first, second, anyOf) => {
          const stored = recased(text, first);
          const given = recased(text, second);
          fc.pre(spellingKey(stored) === spellingKey(given));
          const criterion: FitCriterion = {
            key: 'industry',
            label: 'Industry',
            field: 'industry',
            points: 10,
            condition: anyOf
              ? { kind: 'ANY_OF', values: [text] }
              : { kind: 'CONTAINS_ANY', keywords: [text] },
          };
          const respelt = respell(
            { industry: given },
            spellingsBook([{ field: 'industry', key: spellingKey(stored), spelling: stored }]),
          ).fields.industry;
          expect(respelt).toBe(stored);
          expect(criterionMatches(criterion, unknownLead({ industry: respelt }))).toBe(
            criterionMatches(criterion, unknownLead({ industry: given })),
          );
        },
      ),
    );
  });

  describe('parseSpelling', () => {
    it('reads a corrected spelling trimmed, keyed by the value it spells', () => {
      expect(parseSpelling('source', '  LinkedIn ')).toEqual({
        ok: true,
        spelling: { field: 'source', key: 'linkedin', spelling: 'LinkedIn' },
      });
    });

    it("refuses what the field's text rules refuse, in their words", () => {
      expect(parseSpelling('source', '   ')).toEqual({
        ok: false,
        issues: [{ path: '', message: 'must not be empty' }],
      });
      expect(parseSpelling('source', 'x'.repeat(101))).toEqual({
        ok: false,
        issues: [{ path: '', message: 'must be at most 100 characters' }],
      });
      expect(parseSpelling('campaign', 'x'.repeat(200))).toMatchObject({ ok: true });
      expect(parseSpelling('industry', 'Soft\u0000ware')).toEqual({
        ok: false,
        issues: [{ path: '', message: 'must not contain control characters' }],
      });
      expect(parseSpelling('industry', null)).toEqual({
        ok: false,
        issues: [{ path: '', message: 'is required' }],
      });
    });
  });
});

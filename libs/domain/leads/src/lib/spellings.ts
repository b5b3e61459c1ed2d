import { type InputIssue, inputIssue } from '@accord/domain/agreement';

import { type LeadFields, leadFieldsSchema } from './lead-input';

/**
 * The free-text lead fields that segment the dashboard. Each value has one spelling per workspace whatever its
 * case — the first one stored — so that "LinkedIn" and "linkedin" are one source on the dashboard, in its filters
 * and in the rejection feedback, not two.
 */
export const SPELLED_FIELDS = ['industry', 'source', 'campaign'] as const;
export type SpelledField = (typeof SPELLED_FIELDS)[number];

/** A value as a field's text spells it, and the key that spellings of the same value share. */
export interface Spelling {
  field: SpelledField;
  key: string;
  spelling: string;
}

/**
 * What makes two spellings one value: case alone. Runs of white space are not folded, as the scoring rules'
 * "any of" lists do not fold them: respelling a lead must never change its score.
 */
export function spellingKey(value: string): string {
  return value.toLowerCase();
}

/**
 * A spelling a person gives a value in place of the workspace's ("LinkedIn" for "linkedin"), under the field's rules
 * for text. Its key names the value it spells: a correction changes case, never which value.
 */
export function parseSpelling(
  field: SpelledField,
  value: unknown,
): { ok: true; spelling: Spelling } | { ok: false; issues: InputIssue[] } {
  const parsed = leadFieldsSchema.shape[field].safeParse(value ?? undefined);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(inputIssue) };
  const spelling = parsed.data;
  if (spelling == null) return { ok: false, issues: [{ path: '', message: 'is required' }] };
  return { ok: true, spelling: { field, key: spellingKey(spelling), spelling } };
}

/** The workspace's spelling of each value it knows, by field and key (see spellingsBook). */
export type SpellingsBook = ReadonlyMap<string, string>;

const bookKey = (field: SpelledField, key: string) => `${field}\u0000${key}`;

/** A book from spellings as stored: each (field, key) once. */
export function spellingsBook(spellings: Iterable<Spelling>): SpellingsBook {
  const book = new Map<string, string>();
  for (const { field, key, spelling } of spellings) book.set(bookKey(field, key), spelling);
  return book;
}

/**
 * The book with the spellings it does not know added, as recording them would (the first of each key wins): what
 * a dry run, which records nothing, reads in place of the workspace's book.
 */
export function withFirstSpellings(book: SpellingsBook, spellings: Iterable<Spelling>): SpellingsBook {
  const result = new Map(book);
  for (const { field, key, spelling } of spellings)
    if (!result.has(bookKey(field, key))) result.set(bookKey(field, key), spelling);
  return result;
}

/**
 * The spelled values among the given fields, each (field, key) once, in its first spelling. Fields not checked yet
 * (an edit's input) are read as the lead rules will store them: text trimmed, anything else skipped.
 */
export function spellingsIn(leads: Iterable<Partial<Record<SpelledField, unknown>>>): Spelling[] {
  const found = new Map<string, Spelling>();
  for (const lead of leads)
    for (const field of SPELLED_FIELDS) {
      const given = lead[field];
      const value = typeof given === 'string' ? given.trim() : '';
      if (value === '') continue;
      const key = spellingKey(value);
      if (!found.has(bookKey(field, key))) found.set(bookKey(field, key), { field, key, spelling: value });
    }
  return [...found.values()];
}

/** A value the workspace spells otherwise, as respelt. */
export interface Respelt {
  field: SpelledField;
  given: string;
  spelling: string;
}

/**
 * The fields with each spelled value in the workspace's spelling (one the book does not know stays as given), and
 * which values changed.
 */
export function respell<T extends Partial<Pick<LeadFields, SpelledField>>>(
  fields: T,
  book: SpellingsBook,
): { fields: T; respelt: Respelt[] } {
  const respelt: Respelt[] = [];
  const result = { ...fields };
  for (const field of SPELLED_FIELDS) {
    const given = fields[field];
    if (typeof given !== 'string') continue;
    const spelling = book.get(bookKey(field, spellingKey(given)));
    if (spelling === undefined || spelling === given) continue;
    respelt.push({ field, given, spelling });
    (result as Partial<Pick<LeadFields, SpelledField>>)[field] = spelling;
  }
  return { fields: result, respelt };
}

/** The values `stored` holds in another spelling than `given` gave them: those a writer respelt (case aside). */
export function respeltIn(
  given: Partial<Record<SpelledField, unknown>>,
  stored: Partial<Record<SpelledField, string | null>>,
): Respelt[] {
  return SPELLED_FIELDS.flatMap((field) => {
    const sent = given[field];
    const spelling = stored[field];
    if (typeof sent !== 'string' || typeof spelling !== 'string') return [];
    const value = sent.trim();
    return value !== spelling && spellingKey(value) === spellingKey(spelling)
      ? [{ field, given: value, spelling }]
      : [];
  });
}

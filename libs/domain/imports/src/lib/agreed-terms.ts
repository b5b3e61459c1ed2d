import type { AgreementDocument } from '@accord/domain/agreement';

import { type Cleaned, ok } from './cleaned';
import { closestKey, normaliseKey } from './text';

/**
 * The words the agreement's fit criteria look for, by lead field: "Software", "SaaS" for industry; "Salesforce" for
 * technologies. A criterion compares them with a cell's text, ignoring case only, so "Sofware" or "E-Commerce" in
 * a CRM export would quietly miss the points an "Ecommerce" criterion gives.
 */
export type AgreedTerms = ReadonlyMap<string, readonly string[]>;

type Spelled = Extract<Cleaned<string>, { ok: true }>;

const MAX_REMEMBERED = 10_000;

export const NO_AGREED_TERMS: AgreedTerms = new Map();

/** The terms of a version's "any of" fit criteria, per field. */
export function agreedTermsOf(document: AgreementDocument): AgreedTerms {
  const terms = new Map<string, string[]>();
  for (const criterion of document.fit.criteria)
    if (criterion.condition.kind === 'ANY_OF')
      terms.set(criterion.field, [...(terms.get(criterion.field) ?? []), ...criterion.condition.values]);
  return terms;
}

/**
 * Spells a cell's text as the agreement does when it can only mean one of its terms: the same word but for
 * punctuation, spacing or accents ("E-Commerce" for "Ecommerce"), or within a typo of it ("Sofware" for
 * "Software"). Text the criteria already match (case aside), or near no term or two, stays as the file has it.
 */
export class AgreedSpelling {
  private readonly byKey = new Map<string, string>();
  private readonly lowerCase = new Set<string>();
  // A file repeats a few industries over a million rows: each text is looked up once (up to a bound).
  private readonly spelled = new Map<string, Spelled>();

  constructor(terms: readonly string[]) {
    for (const term of terms) {
      this.lowerCase.add(term.toLowerCase());
      const key = normaliseKey(term);
      // Two terms one key apart ("SaaS", "S.a.a.S") are the same word to a person: the first one written stands.
      if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, term);
    }
  }

  spell(text: string): Spelled {
    let spelled = this.spelled.get(text);
    if (!spelled) {
      spelled = this.lookUp(text);
      if (this.spelled.size < MAX_REMEMBERED) this.spelled.set(text, spelled);
    }
    return spelled;
  }

  private lookUp(text: string): Spelled {
    const asIs = { ok: true, value: text, note: null } as const;
    if (this.byKey.size === 0 || this.lowerCase.has(text.toLowerCase())) return asIs;
    const key = normaliseKey(text);
    if (key === '') return asIs;
    const term = this.byKey.get(key) ?? this.byKey.get(closestKey(key, this.byKey.keys()) ?? '');
    return term === undefined
      ? asIs
      : { ok: true, value: term, note: `"${text}" read as "${term}", as the agreement in force spells it` };
  }

  /** Each entry of a list spelled, once ("Salesforce; Salesfroce" is one technology); the changes noted. */
  spellEach(texts: readonly string[]): Cleaned<string[]> {
    const values: string[] = [];
    const notes: string[] = [];
    for (const text of texts) {
      const spelled = this.spell(text);
      if (!values.includes(spelled.value)) values.push(spelled.value);
      if (spelled.note) notes.push(spelled.note);
    }
    return ok(values, notes.length > 0 ? notes.join('; ') : null);
  }
}

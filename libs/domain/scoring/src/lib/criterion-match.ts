import type { FitCriterion } from '@accord/domain/agreement';

import type { LeadFacts } from './lead';

/**
 * Whether the lead meets one fit criterion. A field that is unknown, empty or not of the kind the condition
 * tests never matches: not knowing a lead's size is no evidence that it is the right size.
 */
export function criterionMatches(criterion: FitCriterion, lead: LeadFacts): boolean {
  return matcherFor(criterion)(lead);
}

/**
 * The criterion's test with its wanted values normalised once, for scoring many leads against one version:
 * a rescore matches a million leads against the same few criteria.
 */
export function matcherFor(criterion: FitCriterion): (lead: LeadFacts) => boolean {
  const field = criterion.field;
  const condition = criterion.condition;
  switch (condition.kind) {
    case 'RANGE': {
      const { min, max } = condition;
      return (lead) => {
        const value = lead[field];
        return typeof value === 'number' && isInRange(value, min, max);
      };
    }
    case 'ANY_OF': {
      const wanted = new Set(condition.values.map((value) => value.toLowerCase()));
      return (lead) => textsOf(lead[field]).some((text) => wanted.has(text.toLowerCase()));
    }
    case 'CONTAINS_ANY': {
      const needles = condition.keywords.map(comparable).filter((needle) => needle !== '');
      return (lead) => {
        const value = lead[field];
        if (typeof value !== 'string' || needles.length === 0) return false;
        const haystack = comparable(value);
        return needles.some((needle) => containsWord(haystack, needle));
      };
    }
    case 'IS': {
      const wanted = condition.value;
      return (lead) => lead[field] === wanted;
    }
  }
}

/** min ≤ value < max, a null bound being open; NaN is in no range. */
function isInRange(value: number, min: number | null, max: number | null): boolean {
  return !Number.isNaN(value) && (min === null || min <= value) && (max === null || value < max);
}

/** A text field is one value; technologies is a list, and any of its entries may match. */
function textsOf(value: LeadFacts[keyof LeadFacts]): readonly string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return value;
  return [];
}

// Letters (with their combining marks) and digits make up words; anything else separates them.
const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;

/**
 * Whole words only: "marketing" is in "vp marketing" and "sales & marketing", not in "telemarketing". Both
 * sides are already comparable().
 */
function containsWord(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = lastCodePoint(haystack.slice(Math.max(0, at - 2), at));
    const after = firstCodePoint(haystack.slice(at + needle.length, at + needle.length + 2));
    if (!WORD_CHARACTER.test(before) && !WORD_CHARACTER.test(after)) return true;
  }
  return false;
}

/** Case and runs of white space do not change a phrase: "VP  of\tSales" contains "vp of sales". */
function comparable(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

// Code points, not UTF-16 units, so that a letter outside the Basic Multilingual Plane is still a letter.
function firstCodePoint(text: string): string {
  return Array.from(text)[0] ?? '';
}

function lastCodePoint(text: string): string {
  return Array.from(text).at(-1) ?? '';
}

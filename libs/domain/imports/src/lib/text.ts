/**
 * Text comparison for headers and enumeration values: what a person would call "the same word" — case,
 * accents, punctuation and spacing do not count — and a small typo tolerance on top.
 */

/**
 * Accents: the combining marks of the generic diacritics blocks (acute, grave, umlaut, cedilla, tilde, breve …),
 * which Latin, Greek and Cyrillic letters decompose into. The marks of scripts that spell with them (Devanagari
 * vowel signs, the kana voicing marks) are part of their words and stay.
 */
// One class per block: a class joining them trips no-misleading-character-class on the unassigned block ends.
const ACCENTS = /[\u0300-\u036f]|[\u1ab0-\u1aff]|[\u1dc0-\u1dff]|[\u20d0-\u20ff]|[\ufe20-\ufe2f]/g;

/** What is not part of a word in any script: punctuation, symbols, spaces, controls. */
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * Case and accents folded, in any script: lower case, compatibility forms decomposed (full-width "Ｗｏｎ" is "won"),
 * accents removed ("é" → "e", "ё" → "е", "ά" → "α"), "ß" as "ss" and the Greek final sigma as any sigma.
 */
function fold(value: string): string {
  return value.toLowerCase().normalize('NFKD').replace(ACCENTS, '').replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}

/**
 * Case, accents, punctuation and spacing folded; the letters and digits of every script kept:
 * "Société-Name " → "societename", "Закрыта – выиграна" → "закрытавыиграна". A value of punctuation alone keys
 * as "", which callers must never let match anything.
 */
export function normaliseKey(value: string): string {
  return fold(value).replace(NOT_WORD, '');
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early beyond `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previousPrevious[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/** The typos tolerated for a word of this length: none for very short words, where one letter is a new word. */
export function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/**
 * The one candidate key within the typo allowance of `key`, or null when none is, or when two are equally
 * close (a guess between two meanings is refused rather than taken).
 */
export function closestKey(key: string, candidates: Iterable<string>): string | null {
  const allowance = typoAllowance(key.length);
  if (allowance === 0) return null;
  let best: string | null = null;
  let bestDistance = allowance + 1;
  let tie = false;
  for (const candidate of candidates) {
    if (typoAllowance(candidate.length) === 0) continue;
    const distance = editDistance(key, candidate, allowance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && distance <= allowance) {
      tie = true;
    }
  }
  return best !== null && !tie ? best : null;
}

const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'llc',
  'llp',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'as',
  'oy',
  'pty',
  'kk',
  'group',
]);

/**
 * A company's name as a matching key: "ACME, Inc." and "Acme Inc" and "acme" are one company. Legal forms at the
 * end and a leading "the" are dropped; what remains is compared like a header.
 */
export function companyKey(name: string): string {
  const words = fold(name)
    .replace(/&/g, ' and ')
    .split(NOT_WORD)
    .filter((word) => word !== '');
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join('');
}

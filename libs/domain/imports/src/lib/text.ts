/**
 * Text comparison for headers and enumeration values: what a person would call "the same word" — case,
 * accents, punctuation and spacing do not count — and a small typo tolerance on top.
 */

/** Lower case, accents removed, every run of non-alphanumerics dropped: "Société-Name " → "societename". */
export function normaliseKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '');
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
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join('');
}

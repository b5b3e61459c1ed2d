import { type Cleaned, ok, refuse } from './cleaned';

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  CHF: 'CHF',
  C$: 'CAD',
  A$: 'AUD',
  kr: 'SEK',
  R$: 'BRL',
};

/** Longest first, so "US$" is found before "$". */
const SYMBOLS_LONGEST_FIRST = Object.entries(CURRENCY_SYMBOLS).sort((a, b) => b[0].length - a[0].length);

export interface Amount {
  amount: number;
  /** The currency the cell named (symbol or ISO code), or null. */
  currency: string | null;
}

/** ISO 4217 as the runtime knows it: three letters name a currency only when they are a code ("Mio" is none). */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Words for thousands, millions and billions after a number: English ("12.5k", "£2m", "1bn") and German or French
 * ("5 Tsd.", "2,5 Mio", "1,2 Mrd"). A map, so no word finds an Object property ("5 constructor").
 */
const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['tsd', 1e3],
  ['m', 1e6],
  ['mm', 1e6],
  ['mn', 1e6],
  ['mio', 1e6],
  ['b', 1e9],
  ['bn', 1e9],
  ['mrd', 1e9],
]);

/** A minus or brackets around the rest: "-500", "(500)". */
function withoutSign(text: string): { text: string; negative: boolean } {
  if (/^\(.*\)$/.test(text)) return { text: text.slice(1, -1).trim(), negative: true };
  if (text.startsWith('-')) return { text: text.slice(1).trim(), negative: true };
  return { text, negative: false };
}

/** An ISO code ("EUR 5", "5 eur") or a symbol ("$5", "5 €") at either end. */
function withoutCurrency(text: string): { text: string; currency: string | null } {
  const leading = /^([A-Za-z]{3})(?![A-Za-z])/.exec(text)?.[1].toUpperCase();
  if (leading && ISO_CURRENCIES.has(leading)) return { text: text.slice(3).trim(), currency: leading };
  const trailing = /(?<![A-Za-z])([A-Za-z]{3})$/.exec(text)?.[1].toUpperCase();
  if (trailing && ISO_CURRENCIES.has(trailing)) return { text: text.slice(0, -3).trim(), currency: trailing };
  for (const [symbol, iso] of SYMBOLS_LONGEST_FIRST) {
    if (text.startsWith(symbol)) return { text: text.slice(symbol.length).trim(), currency: iso };
    if (text.endsWith(symbol)) return { text: text.slice(0, -symbol.length).trim(), currency: iso };
  }
  return { text, currency: null };
}

/** The number and the factor of a magnitude word after it ("2,5 Mio.", "12.5k"), or null for a word of another kind. */
function withoutMagnitude(text: string): { text: string; factor: number } | null {
  const word = /(\p{L}+)\.?$/u.exec(text);
  if (!word) return { text, factor: 1 };
  const factor = MAGNITUDES.get(word[1].toLowerCase());
  return factor ? { text: text.slice(0, word.index).trim(), factor } : null;
}

/**
 * A number with "," or "." marks: with both, the last one is the decimal mark; with one of them, a mark that
 * repeats or stands once before exactly three digits (and not after a lone 0) groups thousands ("1,200", "5.000"),
 * otherwise it is the decimal mark ("12,5", "1234.56"). Spaces and apostrophes group thousands.
 */
function readNumber(raw: string): number | null {
  const text = raw.replace(/[ ']/g, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    normalised = text.split(group).join('').replace(decimal, '.');
    if (normalised.split('.').length > 2) return null;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const parts = text.split(mark);
    const groups = parts.length > 2 || (parts[1].length === 3 && parts[0] !== '0' && parts[0] !== '');
    normalised = groups ? parts.join('') : `${parts[0]}.${parts[1]}`;
  } else {
    normalised = text;
  }
  return Number(normalised);
}

/** A number with one word before or after it: "2,5 XYZ", "ABC 100". */
const NUMBER_AND_WORD = /^(\p{L}+)\.?\s*[\d.,' ]*\d[\d.,' ]*$|^[\d.,' ]*\d[\d.,' ]*?\s*(\p{L}+)\.?$/u;

/**
 * Why a cell is no amount, naming the word Accord does not know when one stands beside a number: a person then
 * looks for a currency code or a magnitude gone wrong.
 */
function notAnAmount(shown: string, text: string): Cleaned<never> {
  const match = NUMBER_AND_WORD.exec(text);
  const word = match ? (match[1] ?? match[2]) : null;
  return refuse(
    word && !MAGNITUDES.has(word.toLowerCase())
      ? `"${shown}" is not an amount: "${word}" is neither an ISO 4217 currency code nor k, Tsd, m, Mio, bn or Mrd`
      : `"${shown}" is not an amount`,
  );
}

/**
 * An amount as CRMs export it: "$1,234.56", "1.234,56 €", "EUR 1 234,56", "1'234.50", "12.5k", "2,5 Mio", "-$500",
 * "(500)". The sign stands before or after the currency, not both; the marks are read as readNumber says.
 */
export function cleanAmount(raw: string): Cleaned<Amount> {
  const shown = raw.trim();
  const outer = withoutSign(shown.replace(/[\u00a0\u202f]/g, ' '));
  const { text, currency } = withoutCurrency(outer.text);
  const inner = outer.negative ? { text, negative: true } : withoutSign(text);
  const scaled = withoutMagnitude(inner.text);
  const number = scaled && readNumber(scaled.text);
  if (!scaled || number === null) return notAnAmount(shown, inner.text);
  const rounded = Math.round(number * scaled.factor * (inner.negative ? -100 : 100)) / 100;
  if (!Number.isFinite(rounded)) return notAnAmount(shown, inner.text);
  return ok(
    { amount: rounded, currency },
    String(rounded) === shown ? null : `"${shown}" read as ${rounded}${currency ? ` ${currency}` : ''}`,
  );
}

/** A head count: "1,200", "51-200" (the middle of the range), "10k", "500+" (at least 500). */
export function cleanEmployeeCount(raw: string): Cleaned<number> {
  const text = raw.trim();
  const range = /^([\d.,' ]+k?)\s*(?:-|–|to)\s*([\d.,' ]+k?)$/i.exec(text);
  if (range) {
    const low = cleanAmount(range[1]);
    const high = cleanAmount(range[2]);
    if (!low.ok || !high.ok || low.value.amount > high.value.amount)
      return refuse(`"${text}" is not a number of employees`);
    const middle = Math.round((low.value.amount + high.value.amount) / 2);
    return ok(middle, `range "${text}" read as ${middle}`);
  }
  const plus = /^(.+?)\s*\+$/.exec(text);
  const amount = cleanAmount(plus ? plus[1] : text);
  if (!amount.ok || amount.value.currency || amount.value.amount < 0)
    return refuse(`"${text}" is not a number of employees`);
  const value = Math.round(amount.value.amount);
  if (value !== amount.value.amount) return refuse(`"${text}" is not a whole number of employees`);
  return ok(value, String(value) === text ? null : `"${text}" read as ${value}`);
}

/** A currency code: ISO 4217 (as an amount's code is held to it), or a symbol. */
export function cleanCurrency(raw: string): Cleaned<string> {
  const text = raw.trim();
  const code = text.toUpperCase();
  if (ISO_CURRENCIES.has(code)) return ok(code, code === text ? null : `"${text}" read as ${code}`);
  const symbol = Object.hasOwn(CURRENCY_SYMBOLS, text) ? CURRENCY_SYMBOLS[text] : undefined;
  return symbol
    ? ok(symbol, `"${text}" read as ${symbol}`)
    : refuse(`"${text}" is not a currency code such as USD`);
}

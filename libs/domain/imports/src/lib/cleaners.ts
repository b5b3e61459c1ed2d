import { text as agreedText } from '@accord/domain/agreement';

import type { DateOrder } from './mapping';

/**
 * Cleaners read one cell of one type. Each returns the value with a note when it had to change what the file
 * said (so the report can say "cleaned"), or a reason to refuse the cell. Empty cells never reach a cleaner.
 */
export type Cleaned<T> = { ok: true; value: T; note: string | null } | { ok: false; reason: string };

const ok = <T>(value: T, note: string | null = null): Cleaned<T> => ({ ok: true, value, note });
const refuse = (reason: string): Cleaned<never> => ({ ok: false, reason });

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

const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };

/**
 * An amount as CRMs export it: "$1,234.56", "1.234,56 €", "EUR 1 234,56", "1'234.50", "12.5k". With both "," and
 * "." the last one is the decimal mark; with one of them, a mark that repeats or stands once before exactly
 * three digits groups thousands ("1,200", "5.000"), otherwise it is the decimal mark ("12,5", "99.90").
 */
export function cleanAmount(raw: string): Cleaned<Amount> {
  let text = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  let currency: string | null = null;
  const code = /^([A-Za-z]{3})\s*|\s*([A-Za-z]{3})$/.exec(text);
  if (code && !/^\d/.test(code[1] ?? code[2] ?? '')) {
    const found = (code[1] ?? code[2]).toUpperCase();
    if (!['K', 'M', 'MM', 'BN'].includes(found) && /^[A-Z]{3}$/.test(found)) {
      currency = found;
      text = text.replace(code[0], '').trim();
    }
  }
  for (const [symbol, iso] of SYMBOLS_LONGEST_FIRST) {
    if (text.startsWith(symbol) || text.endsWith(symbol)) {
      currency ??= iso;
      text = (text.startsWith(symbol) ? text.slice(symbol.length) : text.slice(0, -symbol.length)).trim();
      break;
    }
  }
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1).trim();
  }
  let multiplier = 1;
  const suffix = /([a-zA-Z]{1,2})$/.exec(text);
  if (suffix) {
    const factor = MULTIPLIERS[suffix[1].toLowerCase()];
    if (!factor) return refuse(`"${raw.trim()}" is not an amount`);
    multiplier = factor;
    text = text.slice(0, -suffix[1].length).trim();
  }
  text = text.replace(/[ ']/g, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return refuse(`"${raw.trim()}" is not an amount`);
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    normalised = text.split(group).join('').replace(decimal, '.');
    if (normalised.split('.').length > 2) return refuse(`"${raw.trim()}" is not an amount`);
  } else if (lastComma >= 0 || lastDot >= 0) {
    // One kind of mark: repeated, or once before exactly three digits (and not after a lone 0), it groups
    // thousands ("1,200", "5.000"); otherwise it is the decimal mark ("12,5", "1234.56").
    const mark = lastComma >= 0 ? ',' : '.';
    const parts = text.split(mark);
    const groups = parts.length > 2 || (parts[1].length === 3 && parts[0] !== '0' && parts[0] !== '');
    normalised = groups ? parts.join('') : `${parts[0]}.${parts[1]}`;
  } else {
    normalised = text;
  }
  const value = Number(normalised) * multiplier * (negative ? -1 : 1);
  if (!Number.isFinite(value)) return refuse(`"${raw.trim()}" is not an amount`);
  const rounded = Math.round(value * 100) / 100;
  const plain = String(rounded) === raw.trim();
  return ok(
    { amount: rounded, currency },
    plain ? null : `"${raw.trim()}" read as ${rounded}${currency ? ` ${currency}` : ''}`,
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

const MONTHS: Record<string, number> = {};
[
  ['jan', 'january', 'janv', 'janvier', 'januar', 'ene', 'enero'],
  ['feb', 'february', 'fev', 'fevr', 'fevrier', 'februar', 'febrero'],
  ['mar', 'march', 'mars', 'marz', 'maerz', 'marzo'],
  ['apr', 'april', 'avr', 'avril', 'abr', 'abril'],
  ['may', 'mai', 'mayo'],
  ['jun', 'june', 'juin', 'juni', 'junio'],
  ['jul', 'july', 'juil', 'juillet', 'juli', 'julio'],
  ['aug', 'august', 'aout', 'ago', 'agosto'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre'],
  ['oct', 'october', 'octobre', 'okt', 'oktober', 'octubre'],
  ['nov', 'november', 'novembre', 'noviembre'],
  ['dec', 'december', 'decembre', 'dez', 'dezember', 'dic', 'diciembre'],
].forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

function monthOf(name: string): number | undefined {
  return MONTHS[
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\.$/, '')
  ];
}

function expandYear(year: number, digits: number): number {
  if (digits !== 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function instant(
  year: number,
  month: number,
  day: number,
  time: { hour: number; minute: number; second: number; ms: number; offsetMinutes: number },
): Date | null {
  const at = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second, time.ms);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day ||
    time.hour > 23 ||
    time.minute > 59 ||
    time.second > 59
  )
    return null;
  return new Date(at - time.offsetMinutes * 60_000);
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*(am|pm)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;

function parseTime(text: string | undefined) {
  const none = { hour: 0, minute: 0, second: 0, ms: 0, offsetMinutes: 0 };
  if (!text) return none;
  const match = TIME.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const meridiem = match[5]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  let offsetMinutes = 0;
  const zone = match[6]?.toLowerCase();
  if (zone && zone[0] !== 'z' && zone[0] !== 'u' && zone[0] !== 'g') {
    const digits = zone.replace(':', '');
    offsetMinutes =
      (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return {
    hour,
    minute: Number(match[2]),
    second: Number(match[3] ?? 0),
    ms: Number((match[4] ?? '0').padEnd(3, '0').slice(0, 3)),
    offsetMinutes,
  };
}

/**
 * A date or date-time in the forms CRMs export: ISO 8601 (with or without time and zone), 2025/03/04,
 * 04.03.2025, 4 Mar 2025, March 4, 2025, and 03/04/2025 — the last read day- or month-first as the import says,
 * and refused when it cannot tell. Times without a zone are UTC.
 */
export function cleanDate(raw: string, order: DateOrder | null): Cleaned<Date> {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$/.exec(text);
  const say = (date: Date | null, note: boolean): Cleaned<Date> =>
    date
      ? ok(
          date,
          note
            ? `"${text}" read as ${date.toISOString().slice(0, date.getUTCHours() || date.getUTCMinutes() ? 16 : 10)}`
            : null,
        )
      : refuse(`"${text}" is not a real date`);
  if (iso) {
    const time = parseTime(iso[4]);
    if (!time) return refuse(`"${text}" is not a date`);
    return say(instant(Number(iso[1]), Number(iso[2]), Number(iso[3]), time), false);
  }
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ,]+(.+))?$/.exec(text);
  if (ymd) {
    const time = parseTime(ymd[4]);
    if (!time) return refuse(`"${text}" is not a date`);
    return say(instant(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), time), true);
  }
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[T ,]+(.+))?$/.exec(text);
  if (numeric) {
    const time = parseTime(numeric[4]);
    if (!time) return refuse(`"${text}" is not a date`);
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const year = expandYear(Number(numeric[3]), numeric[3].length);
    // A dotted date is day-first everywhere it is written; otherwise a part above 12 tells the order.
    let dayFirst: boolean;
    if (text.includes('.')) dayFirst = true;
    else if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) dayFirst = false;
    else if (a === b) dayFirst = true;
    else if (order) dayFirst = order === 'DMY';
    else return refuse(`"${text}" could be day-first or month-first; choose the file's date order`);
    return say(instant(year, dayFirst ? b : a, dayFirst ? a : b, time), true);
  }
  const words =
    /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-zéû.]+)[\s-,]+(\d{4})(?:[T ,]+(.+))?$/i.exec(text);
  if (words) {
    const month = monthOf(words[2]);
    const time = parseTime(words[4]);
    if (!month || !time) return refuse(`"${text}" is not a date`);
    return say(instant(Number(words[3]), month, Number(words[1]), time), true);
  }
  const american =
    /^(?:[a-z]+,?\s+)?([a-zéû.]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[T ,]+(.+))?$/i.exec(text);
  if (american) {
    const month = monthOf(american[1]);
    const time = parseTime(american[4]);
    if (!month || !time) return refuse(`"${text}" is not a date`);
    return say(instant(Number(american[3]), month, Number(american[2]), time), true);
  }
  return refuse(`"${text}" is not a date Accord can read (use 2025-03-04)`);
}

const PERSONAL_PREFIX = /^mailto:/i;

/** An e-mail address: trimmed, lower case, without "mailto:" or a display name ("Ana <ana@x.com>"). */
export function cleanEmail(raw: string): Cleaned<string> {
  let text = raw.trim();
  const angle = /<([^<>]+)>\s*$/.exec(text);
  if (angle) text = angle[1].trim();
  text = text.replace(PERSONAL_PREFIX, '').trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return refuse(`"${raw.trim()}" is not an e-mail address`);
  return ok(text, text === raw.trim() ? null : `"${raw.trim()}" read as ${text}`);
}

/** A company's domain from a domain, a URL or an e-mail: "https://www.Acme.com/about" → acme.com. */
export function cleanDomain(raw: string): Cleaned<string> {
  let text = raw.trim().toLowerCase();
  if (text.includes('@') && !text.includes('/')) text = text.slice(text.lastIndexOf('@') + 1);
  text = text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\d?\./, '')
    .replace(/\.$/, '');
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(text))
    return refuse(`"${raw.trim()}" is not a domain such as example.com`);
  return ok(text, text === raw.trim() ? null : `"${raw.trim()}" read as ${text}`);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', 'oui', 'ja', 'si', 'vrai', 'wahr']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'non', 'nein', 'faux', 'falsch']);

export function cleanBoolean(raw: string): Cleaned<boolean> {
  const text = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return ok(true, text === 'true' ? null : `"${raw.trim()}" read as true`);
  if (FALSE_WORDS.has(text)) return ok(false, text === 'false' ? null : `"${raw.trim()}" read as false`);
  return refuse(`"${raw.trim()}" is not yes or no`);
}

/** A list in one cell, separated by ";", "|" or ",". */
export function cleanList(raw: string): Cleaned<string[]> {
  return ok(
    raw
      .split(/[;|,]/)
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );
}

const COUNTRY_NAMES: Record<string, string> = {
  usa: 'US',
  unitedstates: 'US',
  unitedstatesofamerica: 'US',
  america: 'US',
  us: 'US',
  uk: 'GB',
  unitedkingdom: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  gbr: 'GB',
  britain: 'GB',
  germany: 'DE',
  deutschland: 'DE',
  allemagne: 'DE',
  deu: 'DE',
  france: 'FR',
  fra: 'FR',
  frankreich: 'FR',
  spain: 'ES',
  espana: 'ES',
  espagne: 'ES',
  esp: 'ES',
  italy: 'IT',
  italia: 'IT',
  italie: 'IT',
  ita: 'IT',
  netherlands: 'NL',
  thenetherlands: 'NL',
  holland: 'NL',
  nederland: 'NL',
  nld: 'NL',
  paysbas: 'NL',
  belgium: 'BE',
  belgique: 'BE',
  belgie: 'BE',
  bel: 'BE',
  switzerland: 'CH',
  schweiz: 'CH',
  suisse: 'CH',
  che: 'CH',
  austria: 'AT',
  osterreich: 'AT',
  oesterreich: 'AT',
  aut: 'AT',
  ireland: 'IE',
  irl: 'IE',
  portugal: 'PT',
  prt: 'PT',
  sweden: 'SE',
  sverige: 'SE',
  swe: 'SE',
  norway: 'NO',
  norge: 'NO',
  nor: 'NO',
  denmark: 'DK',
  danmark: 'DK',
  dnk: 'DK',
  finland: 'FI',
  suomi: 'FI',
  fin: 'FI',
  poland: 'PL',
  polska: 'PL',
  pol: 'PL',
  canada: 'CA',
  can: 'CA',
  mexico: 'MX',
  mex: 'MX',
  brazil: 'BR',
  brasil: 'BR',
  bra: 'BR',
  argentina: 'AR',
  arg: 'AR',
  australia: 'AU',
  aus: 'AU',
  newzealand: 'NZ',
  nzl: 'NZ',
  japan: 'JP',
  jpn: 'JP',
  china: 'CN',
  chn: 'CN',
  india: 'IN',
  ind: 'IN',
  singapore: 'SG',
  sgp: 'SG',
  southkorea: 'KR',
  korea: 'KR',
  kor: 'KR',
  israel: 'IL',
  isr: 'IL',
  southafrica: 'ZA',
  zaf: 'ZA',
  unitedarabemirates: 'AE',
  uae: 'AE',
  are: 'AE',
};

/** A country as a two-letter ISO code, from the code itself or a common name ("Deutschland", "USA"). */
export function cleanCountry(raw: string): Cleaned<string> {
  const text = raw.trim();
  if (/^[A-Za-z]{2}$/.test(text) && text.toLowerCase() !== 'uk') {
    const code = text.toUpperCase();
    return ok(code, code === text ? null : `"${text}" read as ${code}`);
  }
  const key = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const code = COUNTRY_NAMES[key];
  return code
    ? ok(code, `"${text}" read as ${code}`)
    : refuse(`"${text}" is not a country Accord knows; use its two-letter ISO code`);
}

/** A currency code: ISO 4217, or a symbol. */
export function cleanCurrency(raw: string): Cleaned<string> {
  const text = raw.trim();
  if (/^[A-Za-z]{3}$/.test(text)) {
    const code = text.toUpperCase();
    return ok(code, code === text ? null : `"${text}" read as ${code}`);
  }
  const code = CURRENCY_SYMBOLS[text];
  return code
    ? ok(code, `"${text}" read as ${code}`)
    : refuse(`"${text}" is not a currency code such as USD`);
}

/** Runs of white space, line breaks and tabs included, as one space: how a text cell is stored. */
function foldSpace(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

// The leads' and signals' own rule for text, so a cell is held to what every other edge of Accord takes: no
// control character (PostgreSQL refuses NUL in text outright). Its length is each field's own, checked apart.
const WITHOUT_CONTROL_CHARACTERS = agreedText(Number.MAX_SAFE_INTEGER);

// Wider than that rule (white space included), only to spare it the cells that hold no control character at all:
// it takes microseconds a cell, this test nanoseconds, and a file has millions of cells.
const MAY_HOLD_CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/; // eslint-disable-line no-control-regex

/**
 * Why a cell or header cannot be taken at all — it holds a control character, NUL included — or null. Line
 * breaks and tabs are white space, not refused: they read as a space.
 */
export function controlCharacterRefusal(raw: string): string | null {
  if (!MAY_HOLD_CONTROL_CHARACTER.test(raw)) return null;
  const folded = foldSpace(raw);
  if (folded === '') return null;
  const checked = WITHOUT_CONTROL_CHARACTERS.safeParse(folded);
  return checked.success ? null : checked.error.issues[0].message;
}

/**
 * Why a cell holds text lost in reading the file — U+FFFD, the "�" that bytes which are not text in the file's
 * encoding read as — or null. Stored, it would keep "Soci�t�" for good; refused, the row can be imported again from
 * the file saved as UTF-8. A cell that held "�" in the CRM already is refused too: its text was lost there.
 */
export function undecodedTextRefusal(raw: string): string | null {
  return raw.includes('\uFFFD')
    ? "holds bytes that are not text in the file's encoding (read as �): save the file as UTF-8"
    : null;
}

/** Text as it will be stored: trimmed, inner runs of white space folded, within the field's length. */
export function cleanText(raw: string, maxLength: number): Cleaned<string> {
  const refusal = controlCharacterRefusal(raw);
  if (refusal) return refuse(refusal);
  const text = foldSpace(raw);
  if (text.length > maxLength) return refuse(`is longer than ${maxLength} characters`);
  return ok(text);
}

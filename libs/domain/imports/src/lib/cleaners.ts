import { text as agreedText } from '@accord/domain/agreement';
import { asciiDomain } from '@accord/domain/leads';

import { type Cleaned, ok, refuse } from './cleaned';

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
  const domain = asciiDomain(text);
  if (!domain) return refuse(`"${raw.trim()}" is not a domain such as example.com`);
  if (domain === raw.trim()) return ok(domain, null);
  // An internationalised name is kept in its ASCII form: the note says which name that is.
  const ascii = domain !== text && /(^|\.)xn--/.test(domain) ? ` (the ASCII form of ${text})` : '';
  return ok(domain, `"${raw.trim()}" read as ${domain}${ascii}`);
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
  const code = Object.hasOwn(COUNTRY_NAMES, key) ? COUNTRY_NAMES[key] : undefined;
  return code
    ? ok(code, `"${text}" read as ${code}`)
    : refuse(`"${text}" is not a country Accord knows; use its two-letter ISO code`);
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

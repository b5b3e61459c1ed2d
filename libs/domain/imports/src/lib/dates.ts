import { type Cleaned, ok, refuse } from './cleaned';
import type { DateOrder } from './mapping';

/** Month names and abbreviations in English, French, German and Spanish, without accents or a final dot. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'january', 'janv', 'janvier', 'januar', 'janner', 'ene', 'enero'],
    ['feb', 'february', 'fev', 'fevr', 'fevrier', 'februar', 'febrero'],
    ['mar', 'march', 'mars', 'marz', 'maerz', 'mrz', 'marzo'],
    ['apr', 'april', 'avr', 'avril', 'abr', 'abril'],
    ['may', 'mai', 'mayo'],
    ['jun', 'june', 'juin', 'juni', 'junio'],
    ['jul', 'july', 'juil', 'juillet', 'juli', 'julio'],
    ['aug', 'august', 'aout', 'ago', 'agosto'],
    ['sep', 'sept', 'september', 'septembre', 'septiembre'],
    ['oct', 'october', 'octobre', 'okt', 'oktober', 'octubre'],
    ['nov', 'november', 'novembre', 'noviembre'],
    ['dec', 'december', 'decembre', 'dez', 'dezember', 'dic', 'diciembre'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

function monthOf(name: string): number | undefined {
  return MONTHS.get(
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\.$/, ''),
  );
}

/** A two-digit year: 00–69 are 2000–2069, 70–99 are 1970–1999 (a pure rule, without the clock). */
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
  // Date.UTC reads the years 0–99 as 1900–1999; setUTCFullYear takes a year as it is.
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  const at = calendar.getTime() + ((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + time.ms;
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

/** What a date reader finds: the parts of the date, the time as written, and whether the form is worth a note. */
interface DateParts {
  year: number;
  month: number | undefined;
  day: number;
  time: string | undefined;
  noted: boolean;
}

/** A date form: its parts, a refusal, or null when the text is not in this form. */
type DateReader = (text: string, order: DateOrder | null) => DateParts | Cleaned<never> | null;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$/;
const YEAR_FIRST = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T ,]+(.+))?$/;
const NUMERIC = /^((\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4}))(?:[T ,]+(.+))?$/;
const DAY_MONTH_NAME_SHORT_YEAR = /^(\d{1,2})-([\p{L}\p{M}]+\.?)-(\d{2})(?:[T ,]+(.+))?$/u;
// Month words are letters of any alphabet, so "März", "févr." and decomposed accents are read; "1." is a German day.
const DAY_MONTH_NAME_YEAR =
  /^(?:\p{L}+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th|\.)?[\s-]+([\p{L}\p{M}.]+)[\s,-]+(\d{4})(?:[T ,]+(.+))?$/iu;
const MONTH_NAME_DAY_YEAR =
  /^(?:\p{L}+\.?,?\s+)?([\p{L}\p{M}.]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[T ,]+(.+))?$/iu;

/** Which capture group of a form's pattern holds each part of the date, and how the year and month are read. */
interface FormParts {
  year: number;
  month: number;
  day: number;
  time: number;
  readYear?: (text: string) => number;
  readMonth?: (text: string) => number | undefined;
  /** Whether reading the form is worth a note: every form but ISO 8601's. */
  noted?: boolean;
}

/** A reader for a form whose parts stand at fixed places in its pattern. */
function byPosition(pattern: RegExp, parts: FormParts): DateReader {
  const { readYear = Number, readMonth = Number, noted = true } = parts;
  return (text) => {
    const match = pattern.exec(text);
    return (
      match && {
        year: readYear(match[parts.year]),
        month: readMonth(match[parts.month]),
        day: Number(match[parts.day]),
        time: match[parts.time],
        noted,
      }
    );
  };
}

const isoDate = byPosition(ISO_DATE, { year: 1, month: 2, day: 3, time: 4, noted: false });

/** 2025/03/04, 2025.03.04, 2025-3-4. */
const yearFirst = byPosition(YEAR_FIRST, { year: 1, month: 2, day: 3, time: 4 });

/**
 * Whether 03/04/2025 is day-first. A dotted date is day-first everywhere it is written — judged on the date alone,
 * as the time may hold a dot before its milliseconds; otherwise a part above 12 tells, or the import's order.
 */
function dayFirst(date: string, a: number, b: number, order: DateOrder | null): boolean | null {
  if (date.includes('.')) return true;
  if (a > 12 && b <= 12) return true;
  if (b > 12 && a <= 12) return false;
  if (a === b) return true;
  return order ? order === 'DMY' : null;
}

/** 04.03.2025, 31/12/2025, 12/31/2025, 3/4/25, 03-04-2025. */
const numeric: DateReader = (text, order) => {
  const match = NUMERIC.exec(text);
  if (!match) return null;
  const a = Number(match[2]);
  const b = Number(match[3]);
  const first = dayFirst(match[1], a, b, order);
  if (first === null)
    return refuse(`"${text}" could be day-first or month-first; choose the file's date order`);
  const year = expandYear(Number(match[4]), match[4].length);
  return { year, month: first ? b : a, day: first ? a : b, time: match[5], noted: true };
};

/** 4-Mar-24: Oracle's and spreadsheets' export form, with a two-digit year (4-Mar-2024 is read as 4 Mar 2024). */
const dayMonthNameShortYear = byPosition(DAY_MONTH_NAME_SHORT_YEAR, {
  day: 1,
  month: 2,
  year: 3,
  time: 4,
  readYear: (year) => expandYear(Number(year), 2),
  readMonth: monthOf,
});

/** 4 Mar 2025, 4th March 2025, 1. März 2025, Mon, 4 Mar 2025. */
const dayMonthNameYear = byPosition(DAY_MONTH_NAME_YEAR, {
  day: 1,
  month: 2,
  year: 3,
  time: 4,
  readMonth: monthOf,
});

/** March 4, 2025, März 4, 2025, Monday, March 4th, 2025. */
const monthNameDayYear = byPosition(MONTH_NAME_DAY_YEAR, {
  month: 1,
  day: 2,
  year: 3,
  time: 4,
  readMonth: monthOf,
});

const DATE_READERS: readonly DateReader[] = [
  isoDate,
  yearFirst,
  numeric,
  dayMonthNameShortYear,
  dayMonthNameYear,
  monthNameDayYear,
];

/** No CRM record is older: a year before it is a placeholder ("0001-01-01") or a typo, not history. */
const EARLIEST_YEAR = 1900;

/** The instant a reader's parts name, noted when the form was not ISO 8601. */
function dateOf(text: string, parts: DateParts): Cleaned<Date> {
  const time = parseTime(parts.time);
  if (!time || !parts.month) return refuse(`"${text}" is not a date`);
  const date = instant(parts.year, parts.month, parts.day, time);
  if (!date) return refuse(`"${text}" is not a real date`);
  if (parts.year < EARLIEST_YEAR) return refuse(`"${text}" lies before ${EARLIEST_YEAR}`);
  const shown = date.toISOString().slice(0, date.getUTCHours() || date.getUTCMinutes() ? 16 : 10);
  return ok(date, parts.noted ? `"${text}" read as ${shown}` : null);
}

/**
 * A date or date-time in the forms CRMs export: ISO 8601 (with or without time and zone), 2025/03/04, 2025-3-4,
 * 04.03.2025, 4 Mar 2025, 1. März 2025, March 4, 2025, 4-Mar-25, and 03/04/2025 — the last read day- or
 * month-first as the import says, and refused when it cannot tell. Times without a zone are UTC.
 */
export function cleanDate(raw: string, order: DateOrder | null): Cleaned<Date> {
  const text = raw.trim();
  for (const read of DATE_READERS) {
    const parts = read(text, order);
    if (parts) return 'ok' in parts ? parts : dateOf(text, parts);
  }
  return refuse(`"${text}" is not a date Accord can read (use 2025-03-04)`);
}

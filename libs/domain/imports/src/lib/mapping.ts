import { controlCharacterRefusal } from './cleaners';
import { type ImportField, type ImportKind, importFields } from './fields';
import { REFUSED_BECAUSE } from './report';
import { closestKey, normaliseKey } from './text';
import { ENUMERATION_VALUES } from './values';

/**
 * The header of the file a refused rows file was made from (see refusedRowsCsv): its own, without the
 * REFUSED_BECAUSE column last; null for any other header.
 */
export function headerBeforeRefusal(headers: readonly string[]): string[] | null {
  return headers.length > 1 && headers[headers.length - 1] === REFUSED_BECAUSE ? headers.slice(0, -1) : null;
}

/**
 * A mapping made for the file a refused rows file came from, fitted to that file: its REFUSED_BECAUSE column left
 * out, so the fixed rows import as the file's did. Any other mapping is as it is.
 */
export function fittedToRefusedRows(mapping: ImportMapping, headers: readonly string[]): ImportMapping {
  const own = headerBeforeRefusal(headers);
  return own !== null && mapping.columns.length === own.length
    ? { ...mapping, columns: [...mapping.columns, null] }
    : mapping;
}

/** Day-first (31/12/2025) or month-first (12/31/2025) for dates whose order the file cannot tell. */
export const DATE_ORDERS = ['DMY', 'MDY'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** How a file's columns become an import's fields: proposed by Accord, confirmed or edited by a person. */
export interface ImportMapping {
  /** For each column of the file, in order: the field it fills, or null to leave the column out. */
  columns: (string | null)[];
  /** Per enum field, the file's own values (as written) → the enumeration's value; checked before synonyms. */
  values: Record<string, Record<string, string>>;
  /** How to read 03/04/2025; null refuses such dates rather than guessing. */
  dateOrder: DateOrder | null;
  /** The currency of amounts that name none (ISO 4217). */
  defaultCurrency: string;
}

export type MatchConfidence = 'EXACT' | 'SYNONYM' | 'FUZZY' | 'NONE';

export interface ColumnProposal {
  column: number;
  header: string;
  field: string | null;
  confidence: MatchConfidence;
}

/** The fields one kind may map to, with the alternatives among which at least one is needed. */
export const REQUIRED_ONE_OF: Record<ImportKind, readonly (readonly string[])[]> = {
  LEADS: [['email']],
  ACCOUNTS: [['domain', 'name']],
  OPPORTUNITIES: [['externalId'], ['leadEmail', 'accountDomain', 'accountName'], ['amount'], ['stage']],
  SIGNALS: [['externalId'], ['leadEmail', 'companyDomain'], ['type'], ['occurredAt']],
  SALES_REPS: [['email']],
};

function namesOf(item: ImportField): { exact: string[]; synonyms: string[] } {
  return {
    exact: [normaliseKey(item.key), normaliseKey(item.label)],
    synonyms: item.synonyms.map(normaliseKey),
  };
}

/**
 * Proposes a field for each header: exact names first, then synonyms, then names within a typo or two, each
 * field used once (the leftmost column wins a tie, as CRMs put the main column first).
 */
export function proposeMapping(kind: ImportKind, headers: readonly string[]): ColumnProposal[] {
  const fields = importFields(kind);
  const proposals: ColumnProposal[] = headers.map((header, column) => ({
    column,
    header,
    field: null,
    confidence: 'NONE',
  }));
  const taken = new Set<string>();
  const keys = headers.map(normaliseKey);
  // Pipedrive names a column by its record: "Deal - Title", "Deal - Deal created". The whole header is tried
  // first ("Organization - Name" is an account's name), then what follows the record's name.
  const unprefixed = headers.map((header) => normaliseKey(/^[^-]+\s-\s(.+)$/.exec(header)?.[1] ?? ''));
  const exact = (item: ImportField, key: string) => namesOf(item).exact.includes(key);
  const synonym = (item: ImportField, key: string) => namesOf(item).synonyms.includes(key);
  const passes: [MatchConfidence, (item: ImportField, key: string) => boolean, readonly string[]][] = [
    ['EXACT', exact, keys],
    ['SYNONYM', synonym, keys],
    ['EXACT', exact, unprefixed],
    ['SYNONYM', synonym, unprefixed],
  ];
  for (const [confidence, matches, keysOf] of passes) {
    proposals.forEach((proposal, column) => {
      if (proposal.field || keysOf[column] === '') return;
      const found = fields.find((item) => !taken.has(item.key) && matches(item, keysOf[column]));
      if (found) {
        taken.add(found.key);
        Object.assign(proposal, { field: found.key, confidence });
      }
    });
  }
  proposals.forEach((proposal, column) => {
    if (proposal.field || keys[column] === '') return;
    const byName = new Map<string, string>();
    for (const item of fields) {
      if (taken.has(item.key)) continue;
      const names = namesOf(item);
      for (const name of [...names.exact, ...names.synonyms])
        if (!byName.has(name)) byName.set(name, item.key);
    }
    const close = closestKey(keys[column], byName.keys());
    const key = close ? byName.get(close) : undefined;
    if (key) {
      taken.add(key);
      Object.assign(proposal, { field: key, confidence: 'FUZZY' });
    }
  });
  return proposals;
}

/**
 * The mapping a proposal stands for, with the defaults for values and dates; amounts that name no currency are in
 * `defaultCurrency` (the workspace's reporting currency).
 */
export function mappingFromProposal(
  proposals: readonly ColumnProposal[],
  defaultCurrency = 'USD',
): ImportMapping {
  return {
    columns: proposals.map((item) => item.field),
    values: {},
    dateOrder: null,
    defaultCurrency,
  };
}

export interface MappingProblem {
  field: string;
  message: string;
}

/**
 * What is wrong with a file's header row. A header with a control character (NUL…) could be neither stored with
 * the import nor name a column of its report, so such a file is refused as a whole, before any row.
 */
export function headerProblems(headers: readonly string[]): MappingProblem[] {
  return headers.flatMap((header, column) => {
    const refusal = controlCharacterRefusal(header);
    return refusal ? [{ field: 'headers', message: `the header of column ${column + 1} ${refusal}` }] : [];
  });
}

const holdsControlCharacter = (texts: readonly string[]) =>
  texts.some((text) => controlCharacterRefusal(text) !== null);

/**
 * A mapping's own text with a control character: named by where it is, never quoted, since the mapping is stored
 * with the import and its problems are shown.
 */
function mappingTextProblems(mapping: ImportMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (holdsControlCharacter(mapping.columns.filter((key): key is string => key !== null)))
    problems.push({ field: 'columns', message: 'a field of a column must not contain control characters' });
  for (const [key, values] of Object.entries(mapping.values)) {
    if (holdsControlCharacter([key]))
      problems.push({ field: 'values', message: 'a field of values must not contain control characters' });
    else if (holdsControlCharacter([...Object.keys(values), ...Object.values(values)]))
      problems.push({
        field: `values.${key}`,
        message: `a value mapped for ${key} must not contain control characters`,
      });
  }
  return problems;
}

/** What is wrong with a mapping for a file of `columnCount` columns; empty when it can run. */
export function mappingProblems(
  kind: ImportKind,
  mapping: ImportMapping,
  columnCount: number,
): MappingProblem[] {
  // The other problems quote the mapping's text: one with a control character is named alone.
  const unreadable = mappingTextProblems(mapping);
  if (unreadable.length > 0) return unreadable;
  const problems: MappingProblem[] = [];
  const fields = new Map(importFields(kind).map((item) => [item.key, item]));
  if (mapping.columns.length !== columnCount)
    problems.push({
      field: 'columns',
      message: `maps ${mapping.columns.length} columns but the file has ${columnCount}`,
    });
  const seen = new Set<string>();
  for (const key of mapping.columns) {
    if (key === null) continue;
    if (!fields.has(key)) problems.push({ field: 'columns', message: `"${key}" is not a field of ${kind}` });
    else if (seen.has(key))
      problems.push({ field: 'columns', message: `"${key}" is mapped from two columns` });
    seen.add(key);
  }
  for (const group of REQUIRED_ONE_OF[kind]) {
    if (!group.some((key) => seen.has(key))) {
      const labels = group.map((key) => fields.get(key)?.label ?? key);
      problems.push({
        field: 'columns',
        message: `map a column to ${labels.join(' or ')}: every row needs it`,
      });
    }
  }
  for (const [key, values] of Object.entries(mapping.values)) {
    const item = fields.get(key);
    if (!item?.enumeration) {
      problems.push({ field: `values.${key}`, message: `"${key}" is not an enumeration of ${kind}` });
      continue;
    }
    const allowed = ENUMERATION_VALUES[item.enumeration];
    for (const [from, to] of Object.entries(values)) {
      if (allowed && !allowed.includes(to))
        problems.push({
          field: `values.${key}`,
          message: `"${from}" → "${to}": must be one of ${allowed.join(', ')}`,
        });
    }
  }
  if (!/^[A-Z]{3}$/.test(mapping.defaultCurrency))
    problems.push({
      field: 'defaultCurrency',
      message: 'must be three capital letters (ISO 4217), e.g. USD',
    });
  return problems;
}

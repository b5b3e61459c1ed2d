import { type InputIssue, SENIORITY_LABELS } from '@accord/domain/agreement';
import { type LeadFields, leadFieldsSchema, parseLeadFields, parseSignalEvent } from '@accord/domain/leads';
import {
  MAX_OPPORTUNITY_AMOUNT,
  type OpportunityStage,
  amountRefusal,
  isClosedStage,
} from '@accord/domain/pipeline';

import { AgreedSpelling, type AgreedTerms, NO_AGREED_TERMS } from './agreed-terms';
import { cleanAmount, cleanCurrency, cleanEmployeeCount } from './amounts';
import type { Cleaned } from './cleaned';
import {
  cleanBoolean,
  cleanCountry,
  cleanDomain,
  cleanEmail,
  cleanList,
  cleanText,
  controlCharacterRefusal,
  undecodedTextRefusal,
} from './cleaners';
import { cleanDate } from './dates';
import { type ImportField, type ImportKind, importFields } from './fields';
import type { ImportMapping } from './mapping';
import { type OwnerRef, cleanOwner } from './owners';
import { unmarkedCell } from './report';
import { companyKey } from './text';
import { mapEnumValue } from './values';

/** A refused cell or row: the column (its header) and why; an empty column means the row as a whole. */
export interface RowProblem {
  column: string;
  reason: string;
}

export type PreparedRow<T> =
  { ok: true; value: T; notes: string[] } | { ok: false; problems: RowProblem[]; notes: string[] };

export interface PreparedLead {
  lead: LeadFields;
  /** The fields the file gave a value for: an update changes only these (an empty cell never erases). */
  given: (keyof LeadFields)[];
  owner: OwnerRef | null;
  createdAt: Date | null;
}

export interface PreparedAccount {
  name: string | null;
  /** companyKey(name): how a company named slightly differently in another file is still found. */
  nameKey: string | null;
  domain: string | null;
  facts: Pick<LeadFields, 'industry' | 'employeeCount' | 'annualRevenue' | 'country'> & {
    technologies: string[] | null;
  };
  /** Which facts the file gave: an empty cell leaves what Accord has. */
  given: string[];
}

export interface PreparedOpportunity {
  externalId: string;
  leadEmail: string | null;
  accountDomain: string | null;
  /** The account's name as the file spells it, and its companyKey: the lead found by it when nothing else names one. */
  accountName: string | null;
  accountNameKey: string | null;
  name: string | null;
  owner: OwnerRef | null;
  amount: number;
  currency: string;
  stage: OpportunityStage;
  createdAt: Date | null;
  closeDate: string | null;
  lostReason: string | null;
}

export interface PreparedSignal {
  externalId: string;
  type: string;
  occurredAt: Date;
  lead: { email?: string; companyDomain?: string };
  source: string | null;
}

export interface PreparedSalesRep {
  email: string;
  /** Null when the file gives none: a new member is then named by the e-mail (see repName). */
  name: string | null;
  managerEmail: string | null;
  team: string | null;
}

/** The longest e-mail a member may have (the column's width, RFC 5321's limit). */
export const MAX_MEMBER_EMAIL_LENGTH = 254;

export interface PreparedByKind {
  LEADS: PreparedLead;
  ACCOUNTS: PreparedAccount;
  OPPORTUNITIES: PreparedOpportunity;
  SIGNALS: PreparedSignal;
  SALES_REPS: PreparedSalesRep;
}

type Cleaner = (raw: string) => Cleaned<unknown>;

/**
 * A cleaner that refuses a cell with a control character or undecoded bytes before reading it, whatever its type:
 * its refusal or note would quote the cell in the report, PostgreSQL stores no NUL, and "�" is text already lost.
 */
function refusingUnusableText(clean: Cleaner): Cleaner {
  return (raw) => {
    const refusal = controlCharacterRefusal(raw) ?? undecodedTextRefusal(raw);
    return refusal ? { ok: false, reason: refusal } : clean(raw);
  };
}

/**
 * A cleaner for a field the row can do without: a cell it cannot read is noted with what becomes of the field and
 * left unset (a null value), rather than refusing the row.
 */
function notingUnreadable(clean: Cleaner, outcome: string): Cleaner {
  return (raw) => {
    const cleaned = clean(raw);
    return cleaned.ok ? cleaned : { ok: true, value: null, note: `${cleaned.reason}: ${outcome}` };
  };
}

/** What may follow a name after a comma without the name being "Last, First": "Bo Smith, Jr.". */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq']);

/**
 * A full name as first and last name: "Lima, Ana" — one comma, as CRMs export "Last, First" — at the comma;
 * otherwise at the first space ("Ana Lima", "Bo Smith, Jr.").
 */
function splitFullName(fullName: string): { firstName: string; lastName: string | null; note: string } {
  const [last, first, ...more] = fullName.split(',').map((part) => part.trim());
  if (more.length === 0 && last && first && !NAME_SUFFIXES.has(first.toLowerCase().replace(/\./g, '')))
    return {
      firstName: first,
      lastName: last,
      note: 'read as "Last, First" and split into first and last name',
    };
  const [firstWord, ...words] = fullName.split(' ');
  return {
    firstName: firstWord,
    lastName: words.length > 0 ? words.join(' ') : null,
    note: 'split into first and last name',
  };
}

/** What a lost opportunity records when the file gives no reason: the table requires one. */
export const UNKNOWN_LOST_REASON = 'not given in the import';

/**
 * Turns the cells of one kind's rows into values: one cleaner per mapped column, chosen once per file, then a
 * kind's own rules — for leads and signals the same validation as every other edge (parseLeadFields,
 * parseSignalEvent).
 */
export class RowPreparer<K extends ImportKind> {
  private readonly columns: { index: number; header: string; field: ImportField; clean: Cleaner }[];

  constructor(
    readonly kind: K,
    private readonly headers: readonly string[],
    private readonly mapping: ImportMapping,
    private readonly now: Date,
    /** The workspace's reporting currency (not the mapping's default for amounts that name none). */
    private readonly reportingCurrency: string = mapping.defaultCurrency,
    /** The terms of the version in force's criteria, for text that can only mean one of them (see AgreedSpelling). */
    private readonly agreedTerms: AgreedTerms = NO_AGREED_TERMS,
  ) {
    const fields = new Map(importFields(kind).map((item) => [item.key, item]));
    this.columns = mapping.columns.flatMap((key, index) => {
      const item = key === null ? undefined : fields.get(key);
      return item
        ? [
            {
              index,
              header: headers[index] ?? `column ${index + 1}`,
              field: item,
              clean: refusingUnusableText(this.cleanerFor(item)),
            },
          ]
        : [];
    });
  }

  private cleanerFor(item: ImportField): Cleaner {
    switch (item.type) {
      case 'email':
        return item.whenNotAnAddress ? notingUnreadable(cleanOwner, item.whenNotAnAddress) : cleanEmail;
      case 'domain':
        return cleanDomain;
      case 'integer':
        return cleanEmployeeCount;
      case 'amount':
        return cleanAmount;
      case 'currency':
        return cleanCurrency;
      case 'date':
        return (raw) => cleanDate(raw, this.mapping.dateOrder);
      case 'boolean':
        return cleanBoolean;
      case 'list': {
        const terms = this.agreedTerms.get(item.key);
        if (!terms) return cleanList;
        const spelling = new AgreedSpelling(terms);
        return (raw) => {
          const listed = cleanList(raw);
          return listed.ok ? spelling.spellEach(listed.value) : listed;
        };
      }
      case 'country':
        return cleanCountry;
      case 'enum': {
        const enumeration = item.enumeration;
        if (!enumeration) throw new Error(`enum field ${item.key} names no enumeration`);
        const custom = this.mapping.values[item.key] ?? {};
        return (raw) => {
          const mapped = mapEnumValue(enumeration, raw, custom);
          return mapped.ok ? { ok: true, value: mapped.value, note: mapped.note } : mapped;
        };
      }
      case 'text': {
        const terms = this.agreedTerms.get(item.key);
        const spelling = terms ? new AgreedSpelling(terms) : null;
        return (raw) => {
          const text = cleanText(raw, item.maxLength ?? 200);
          return text.ok && spelling ? spelling.spell(text.value) : text;
        };
      }
    }
  }

  /** The header a note ("Header: what was done") is about, or null when it is about the row. */
  headerOfNote(note: string): string | null {
    let found: string | null = null;
    for (const { header } of this.columns)
      if (note.startsWith(`${header}: `) && (found === null || header.length > found.length)) found = header;
    return found;
  }

  /** The header of the field's column, or — when no column is mapped to it — the field's label, never its key. */
  private columnOf(key: string): string {
    return (
      this.columns.find((column) => column.field.key === key)?.header ??
      importFields(this.kind).find((item) => item.key === key)?.label ??
      key
    );
  }

  prepare(cells: readonly string[]): PreparedRow<PreparedByKind[K]> {
    const values: Record<string, unknown> = {};
    const notes: string[] = [];
    const problems: RowProblem[] = [];
    const width = this.headers.length;
    // More cells than the header has: a comma in an unquoted cell ("Acme, Inc.") shifted every cell after it, so
    // each would land in the wrong field. Empty extra cells (a trailing comma) shift nothing.
    if (cells.slice(width).some((cell) => cell.trim() !== ''))
      return {
        ok: false,
        problems: [
          {
            column: '',
            reason:
              `has ${cells.length} cells where the header has ${width}: a comma inside a cell that is not ` +
              'in quotes moves the cells after it; put that cell in double quotes',
          },
        ],
        notes,
      };
    if (cells.length < width && this.columns.some((column) => column.index >= cells.length))
      notes.push(
        `the row has ${cells.length} of the header's ${width} cells; the missing ones are read as empty`,
      );
    for (const column of this.columns) {
      const given = cells[column.index];
      if (given === undefined || given.trim() === '') continue;
      const raw = unmarkedCell(given);
      if (raw !== given)
        notes.push(`${column.header}: read as “${raw}”, without the apostrophe that marked it as text`);
      const cleaned = column.clean(raw);
      if (cleaned.ok) {
        // Null: a cell the field can do without, noted and left unset (see notingUnreadable).
        if (cleaned.value !== null) values[column.field.key] = cleaned.value;
        if (cleaned.note) notes.push(`${column.header}: ${cleaned.note}`);
      } else {
        problems.push({ column: column.header, reason: cleaned.reason });
      }
    }
    for (const column of this.columns) {
      if (
        column.field.required &&
        !(column.field.key in values) &&
        !problems.some((p) => p.column === column.header)
      )
        problems.push({ column: column.header, reason: 'is empty; every row needs it' });
    }
    // A kind's own rules read the row's required values. With those read they run even when another cell was
    // refused, so that the report names every problem of the row at once, not one per attempt to import it; a
    // rule about a column whose cell was refused already adds nothing.
    if (this.columns.some((column) => column.field.required && !(column.field.key in values)))
      return { ok: false, problems, notes };
    const result = this.byKind(values, notes);
    if ('problems' in result)
      problems.push(...result.problems.filter((p) => !problems.some((q) => q.column === p.column)));
    if (problems.length > 0 || !('value' in result)) return { ok: false, problems, notes };
    return { ok: true, value: result.value, notes };
  }

  private issues(issues: readonly InputIssue[], fallback = ''): RowProblem[] {
    return issues.map((issue) => ({
      column: issue.path ? this.columnOf(issue.path.split(/[.[]/)[0]) : fallback,
      reason: issue.message,
    }));
  }

  private byKind(
    values: Record<string, unknown>,
    notes: string[],
  ): { value: PreparedByKind[K] } | { problems: RowProblem[] } {
    switch (this.kind) {
      case 'LEADS':
        return this.lead(values, notes) as { value: PreparedByKind[K] } | { problems: RowProblem[] };
      case 'ACCOUNTS':
        return this.account(values) as { value: PreparedByKind[K] } | { problems: RowProblem[] };
      case 'OPPORTUNITIES':
        return this.opportunity(values, notes) as { value: PreparedByKind[K] } | { problems: RowProblem[] };
      case 'SIGNALS':
        return this.signal(values) as { value: PreparedByKind[K] } | { problems: RowProblem[] };
      case 'SALES_REPS':
        return this.salesRep(values) as { value: PreparedByKind[K] } | { problems: RowProblem[] };
    }
  }

  private lead(
    values: Record<string, unknown>,
    notes: string[],
  ): { value: PreparedLead } | { problems: RowProblem[] } {
    const { fullName, owner, createdAt, annualRevenue, ...rest } = values as Record<string, unknown> & {
      fullName?: string;
      owner?: OwnerRef;
      createdAt?: Date;
      annualRevenue?: { amount: number; currency: string | null };
    };
    if (fullName && rest['firstName'] === undefined && rest['lastName'] === undefined) {
      const name = splitFullName(fullName);
      rest['firstName'] = name.firstName.slice(0, 100);
      if (name.lastName) rest['lastName'] = name.lastName.slice(0, 100);
      notes.push(`${this.columnOf('fullName')}: ${name.note}`);
    }
    const problems: RowProblem[] = [];
    const foreign = this.foreignRevenue(annualRevenue);
    if (foreign) problems.push(foreign);
    else if (annualRevenue) rest['annualRevenue'] = annualRevenue.amount;
    const parsed = parseLeadFields(rest);
    if (!parsed.ok) problems.push(...this.issues(parsed.issues));
    if (createdAt && createdAt > this.now)
      problems.push({ column: this.columnOf('createdAt'), reason: 'is in the future' });
    if (!parsed.ok || problems.length > 0) return { problems };
    const read = parsed.lead.seniority;
    if (read && !rest['seniority'])
      notes.push(`${this.columnOf('title')}: seniority ${SENIORITY_LABELS[read]}, read from the job title`);
    return {
      value: {
        lead: parsed.lead,
        given: Object.keys(rest) as (keyof LeadFields)[],
        owner: owner ?? null,
        createdAt: createdAt ?? null,
      },
    };
  }

  /**
   * A company's revenue that names a currency other than the workspace's: refused, as an
   * opportunity's amount is — with no exchange rates it cannot be set against the agreement's revenue bands, which
   * are in the workspace's currency, and stored bare it would pass for that currency.
   */
  private foreignRevenue(revenue: { currency: string | null } | undefined): RowProblem | null {
    const currency = revenue?.currency;
    if (!currency || currency === this.reportingCurrency) return null;
    return {
      column: this.columnOf('annualRevenue'),
      reason: `is in ${currency}; this workspace reports in ${this.reportingCurrency} (convert it, or leave the column out)`,
    };
  }

  private account(values: Record<string, unknown>): { value: PreparedAccount } | { problems: RowProblem[] } {
    const name = (values['name'] as string | undefined) ?? null;
    const domain = (values['domain'] as string | undefined) ?? null;
    if (!name && !domain)
      return { problems: [{ column: '', reason: 'an account needs its name or its domain' }] };
    const foreign = this.foreignRevenue(values['annualRevenue'] as { currency: string | null } | undefined);
    const facts = {
      industry: values['industry'],
      employeeCount: values['employeeCount'],
      annualRevenue: foreign
        ? undefined
        : (values['annualRevenue'] as { amount: number } | undefined)?.amount,
      country: values['country'],
      technologies: values['technologies'],
    };
    const given = Object.entries(facts).flatMap(([key, value]) => (value === undefined ? [] : [key]));
    const schema = leadFieldsSchema.pick({
      industry: true,
      employeeCount: true,
      annualRevenue: true,
      country: true,
      technologies: true,
    });
    const parsed = schema.safeParse(
      Object.fromEntries(given.map((key) => [key, facts[key as keyof typeof facts]])),
    );
    if (!parsed.success || foreign)
      return {
        problems: [
          ...(foreign ? [foreign] : []),
          ...this.issues(
            (parsed.error?.issues ?? []).map((issue) => ({
              path: issue.path.join('.'),
              message: issue.message,
            })),
          ),
        ],
      };
    const key = name ? companyKey(name) : null;
    return {
      value: {
        name,
        nameKey: key === '' ? null : key,
        domain,
        facts: {
          industry: parsed.data.industry ?? null,
          employeeCount: parsed.data.employeeCount ?? null,
          annualRevenue: parsed.data.annualRevenue ?? null,
          country: parsed.data.country ?? null,
          technologies: parsed.data.technologies ?? null,
        },
        given,
      },
    };
  }

  private opportunity(
    values: Record<string, unknown>,
    notes: string[],
  ): { value: PreparedOpportunity } | { problems: RowProblem[] } {
    const amount = values['amount'] as { amount: number; currency: string | null };
    const stage = values['stage'] as OpportunityStage;
    const problems: RowProblem[] = [];
    const leadEmail = (values['leadEmail'] as string | undefined) ?? null;
    const accountDomain = (values['accountDomain'] as string | undefined) ?? null;
    const accountName = (values['accountName'] as string | undefined) ?? null;
    const accountNameKey = accountName ? companyKey(accountName) || null : null;
    if (!leadEmail && !accountDomain && !accountNameKey)
      problems.push({
        column: '',
        reason: 'names no lead (e-mail) and no account (domain or name) to attach it to',
      });
    const refusal = amountRefusal(amount.amount);
    if (refusal)
      problems.push({
        column: this.columnOf('amount'),
        reason:
          refusal === 'NEGATIVE'
            ? 'must not be negative'
            : refusal === 'TOO_LARGE'
              ? `must be at most ${MAX_OPPORTUNITY_AMOUNT}`
              : 'is not an amount',
      });
    const givenCurrency = values['currency'] as string | undefined;
    if (givenCurrency && amount.currency && givenCurrency !== amount.currency)
      problems.push({
        column: this.columnOf('amount'),
        reason: `is in ${amount.currency} but the currency column says ${givenCurrency}`,
      });
    const createdAt = (values['createdAt'] as Date | undefined) ?? null;
    const closeField =
      values['closeDate'] === undefined && stage === 'WON' && values['wonDate'] !== undefined
        ? 'wonDate'
        : values['closeDate'] === undefined && stage === 'LOST' && values['lostDate'] !== undefined
          ? 'lostDate'
          : 'closeDate';
    const close = (values[closeField] as Date | undefined) ?? null;
    let closeDate: string | null = close ? close.toISOString().slice(0, 10) : null;
    if (createdAt && createdAt > this.now)
      problems.push({ column: this.columnOf('createdAt'), reason: 'is in the future' });
    if (isClosedStage(stage)) {
      if (!closeDate)
        problems.push({
          column: this.columnOf(closeField),
          reason: `a ${stage} opportunity needs its close date`,
        });
      else if (close && close > this.now)
        problems.push({
          column: this.columnOf(closeField),
          reason: `a ${stage} opportunity cannot close in the future`,
        });
      else if (
        createdAt &&
        close &&
        close.getTime() <
          Date.UTC(createdAt.getUTCFullYear(), createdAt.getUTCMonth(), createdAt.getUTCDate())
      )
        problems.push({
          column: this.columnOf(closeField),
          reason: 'is before the opportunity was created',
        });
    } else if (closeDate) {
      notes.push(`${this.columnOf('closeDate')}: an open opportunity keeps no close date; ignored`);
      closeDate = null;
    }
    let lostReason = (values['lostReason'] as string | undefined) ?? null;
    if (stage === 'LOST' && !lostReason) {
      lostReason = UNKNOWN_LOST_REASON;
      notes.push(`lost reason: none given; recorded as "${UNKNOWN_LOST_REASON}"`);
    } else if (stage !== 'LOST' && lostReason) {
      notes.push(`${this.columnOf('lostReason')}: only a lost opportunity keeps a reason; ignored`);
      lostReason = null;
    }
    if (problems.length > 0) return { problems };
    return {
      value: {
        externalId: values['externalId'] as string,
        leadEmail,
        accountDomain,
        accountName,
        accountNameKey,
        name: (values['name'] as string | undefined) ?? null,
        owner: (values['owner'] as OwnerRef | undefined) ?? null,
        amount: amount.amount,
        currency: givenCurrency ?? amount.currency ?? this.mapping.defaultCurrency,
        stage,
        createdAt,
        closeDate,
        lostReason,
      },
    };
  }

  private signal(values: Record<string, unknown>): { value: PreparedSignal } | { problems: RowProblem[] } {
    const email = values['leadEmail'] as string | undefined;
    const companyDomain = values['companyDomain'] as string | undefined;
    const occurredAt = values['occurredAt'] as Date;
    const lead = email ? { email } : companyDomain ? { companyDomain } : {};
    const parsed = parseSignalEvent(
      {
        externalId: values['externalId'],
        type: values['type'],
        occurredAt: occurredAt.toISOString(),
        lead,
        ...(values['source'] ? { source: values['source'] } : {}),
      },
      this.now,
    );
    if (!parsed.ok) {
      const problem = (issue: { path: string; message: string }): RowProblem => {
        if (!issue.path.startsWith('lead'))
          return { column: issue.path ? this.columnOf(issue.path) : '', reason: issue.message };
        // The ingestion's words name its API's fields; a file's row is told in the import's.
        if (!email && !companyDomain)
          return { column: '', reason: 'needs a lead e-mail or a company domain to find its lead' };
        return { column: this.columnOf(email ? 'leadEmail' : 'companyDomain'), reason: issue.message };
      };
      return { problems: parsed.issues.map(problem) };
    }
    const { signal } = parsed;
    return {
      value: {
        externalId: signal.externalId,
        type: signal.type,
        occurredAt: signal.occurredAt,
        lead,
        source: signal.source,
      },
    };
  }

  private salesRep(
    values: Record<string, unknown>,
  ): { value: PreparedSalesRep } | { problems: RowProblem[] } {
    const email = values['email'] as string;
    const managerEmail = (values['manager'] as string | undefined) ?? null;
    const problems: RowProblem[] = [];
    if (email.length > MAX_MEMBER_EMAIL_LENGTH)
      problems.push({
        column: this.columnOf('email'),
        reason: `is longer than ${MAX_MEMBER_EMAIL_LENGTH} characters`,
      });
    if (managerEmail === email)
      problems.push({ column: this.columnOf('manager'), reason: 'names the rep themself as their manager' });
    if (problems.length > 0) return { problems };
    return {
      value: {
        email,
        name: (values['name'] as string | undefined) ?? null,
        managerEmail,
        team: (values['team'] as string | undefined) ?? null,
      },
    };
  }
}

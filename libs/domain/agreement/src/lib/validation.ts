import { z } from 'zod';

import { metricByKey } from '@accord/domain/dashboard';

import { type AgreementDocument, type FitCriterion, type Routing, agreementDocumentSchema } from './document';
import { InputIssue, inputIssue } from './fields';
import { type ReadableDocument, readableDocument } from './readable-document';
import {
  FIT_FIELD_CONDITION,
  type FitField,
  GRADES,
  SENIORITIES,
  TEMPERATURES,
  isActivitySignalType,
} from './vocabulary';

/** One problem with a document, at a path such as `fit.criteria[2].points`. */
export type DocumentIssue = InputIssue;

export type DocumentParseResult =
  { ok: true; document: AgreementDocument } | { ok: false; issues: DocumentIssue[] };

function documentIssue(issue: z.core.$ZodIssue): DocumentIssue {
  const mapped = inputIssue(issue);
  return mapped.path === '' && mapped.message === 'must be an object'
    ? { path: '', message: 'the document must be an object' }
    : mapped;
}

const lowerCased = (value: string) => value.toLowerCase();
const upperCased = (value: string) => value.toUpperCase();

/** How each list field's values are compared and stored, so that "SaaS" and "saas" are one value. */
const VALUE_FORM: Partial<Record<FitField, (value: string) => string>> = {
  country: upperCased,
  seniority: upperCased,
  emailDomain: (value) => value.toLowerCase().replace(/^@/, ''),
};

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function normaliseCondition<T extends Partial<FitCriterion>>(criterion: T): T {
  const condition = criterion.condition;
  if (condition?.kind === 'ANY_OF') {
    const form = (criterion.field && VALUE_FORM[criterion.field]) ?? ((value: string) => value);
    const seen = new Set<string>();
    const values = condition.values.map(form).filter((value) => {
      const identity = lowerCased(value);
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
    return { ...criterion, condition: { ...condition, values } };
  }
  if (condition?.kind === 'CONTAINS_ANY') {
    return {
      ...criterion,
      condition: { ...condition, keywords: unique(condition.keywords.map(lowerCased)) },
    };
  }
  return criterion;
}

function normaliseRouting(routing: Routing): Routing {
  if (routing.mode === 'ROUND_ROBIN') return { ...routing, memberIds: unique(routing.memberIds) };
  return {
    ...routing,
    territories: routing.territories.map((territory) => ({
      ...territory,
      countries: unique(territory.countries.map(upperCased)),
      memberIds: unique(territory.memberIds),
    })),
    fallbackMemberIds: unique(routing.fallbackMemberIds),
  };
}

/** Values the same field would treat as one collapse to the first spelling; the document keeps no duplicates. */
function normalise(document: AgreementDocument): AgreementDocument {
  return {
    ...document,
    fit: { ...document.fit, criteria: document.fit.criteria.map(normaliseCondition) },
    handover: { ...document.handover, routing: normaliseRouting(document.handover.routing) },
  };
}

/** The same normalisation for the parts of a refused document that could be read, so the same rules apply. */
function normaliseReadable(document: ReadableDocument): ReadableDocument {
  const routing = document.handover.routing;
  return {
    ...document,
    fit: { ...document.fit, criteria: document.fit.criteria.map(normaliseCondition) },
    handover: { ...document.handover, routing: routing && normaliseRouting(routing) },
  };
}

/** How a repeated item is named: which of its fields repeats, and what the editor calls one item ("Reason 2"). */
interface Repeated<T> {
  field: 'key' | 'label' | 'type';
  item: string;
  /** What the member typed, quoted in the message; the identity itself by default. */
  shown?: (item: T) => string | undefined;
}

/**
 * Items whose identity repeats an earlier item's, each named by what the member typed and the earlier item by the
 * name the editor gives it ("of reason 1", not "of item 1"). Items whose identity could not be read are skipped.
 */
function duplicates<T>(
  items: readonly T[],
  identity: (item: T) => string | undefined,
  path: string,
  repeated: Repeated<T>,
): DocumentIssue[] {
  const shown = repeated.shown ?? identity;
  const seen = new Map<string, number>();
  return items.flatMap((item, index) => {
    const id = identity(item);
    if (id === undefined) return [];
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return [];
    }
    return [
      {
        path: `${path}[${index}]`,
        message: `repeats the ${repeated.field} "${shown(item)}" of ${repeated.item} ${first + 1}`,
      },
    ];
  });
}

/** Labels people would read as the same: case and runs of spaces aside ("Not  ready to buy", "not ready to buy"). */
function comparableLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Two thresholds that must be strictly ordered, both named when they are not: the member may have edited either,
 * and the one they just changed must show the problem.
 */
function orderIssues(
  higher: { path: string; name: string; value: number | undefined },
  lower: { path: string; name: string; value: number | undefined },
): DocumentIssue[] {
  if (higher.value === undefined || lower.value === undefined || higher.value > lower.value) return [];
  return [
    { path: higher.path, message: `must be above ${lower.name} (${lower.value})` },
    { path: lower.path, message: `must be below ${higher.name} (${higher.value})` },
  ];
}

function conditionIssues(criterion: Partial<FitCriterion>, at: string): DocumentIssue[] {
  const { field, condition } = criterion;
  if (field === undefined || condition === undefined) return [];
  const expected = FIT_FIELD_CONDITION[field];
  if (condition.kind !== expected) {
    return [
      { path: `${at}.condition`, message: `${field} takes a ${expected} condition, not ${condition.kind}` },
    ];
  }
  if (condition.kind === 'RANGE') {
    if (condition.min === null && condition.max === null) {
      return [{ path: `${at}.condition`, message: 'a range needs a minimum, a maximum or both' }];
    }
    if (condition.min !== null && condition.max !== null && condition.min >= condition.max) {
      return [{ path: `${at}.condition.max`, message: `must be above the minimum (${condition.min})` }];
    }
  }
  if (condition.kind === 'ANY_OF' && field === 'seniority') {
    return condition.values.flatMap((value, valueIndex) =>
      (SENIORITIES as readonly string[]).includes(value)
        ? []
        : [
            {
              path: `${at}.condition.values[${valueIndex}]`,
              message: `must be one of ${SENIORITIES.join(', ')}`,
            },
          ],
    );
  }
  if (condition.kind === 'ANY_OF' && field === 'country') {
    return condition.values.flatMap((value, valueIndex) =>
      /^[A-Z]{2}$/.test(value)
        ? []
        : [
            {
              path: `${at}.condition.values[${valueIndex}]`,
              message: 'must be a two-letter ISO country code',
            },
          ],
    );
  }
  return [];
}

function fitIssues(fit: ReadableDocument['fit']): DocumentIssue[] {
  const { criteria, grades } = fit;
  const issues: DocumentIssue[] = [
    ...duplicates(criteria, (criterion) => criterion.key, 'fit.criteria', {
      field: 'key',
      item: 'criterion',
    }),
    ...criteria.flatMap((criterion, index) => conditionIssues(criterion, `fit.criteria[${index}]`)),
  ];
  // Only when every criterion's points could be read: an unreadable one may be the positive one.
  const allPointsRead = criteria.length > 0 && criteria.every((criterion) => criterion.points !== undefined);
  if (allPointsRead && !criteria.some((criterion) => (criterion.points ?? 0) > 0)) {
    issues.push({
      path: 'fit.criteria',
      message: 'needs at least one criterion with positive points, or every fit score is 0',
    });
  }
  const grade = (name: 'A' | 'B' | 'C') => ({ path: `fit.grades.${name}`, name, value: grades[name] });
  issues.push(...orderIssues(grade('A'), grade('B')), ...orderIssues(grade('B'), grade('C')));
  return issues;
}

function intentIssues(intent: ReadableDocument['intent']): DocumentIssue[] {
  const { signals, temperature } = intent;
  const issues = duplicates(signals, (signal) => signal.type, 'intent.signals', {
    field: 'type',
    item: 'signal type',
  });
  signals.forEach((signal, index) => {
    if (signal.type !== undefined && isActivitySignalType(signal.type)) {
      issues.push({
        path: `intent.signals[${index}].type`,
        message: `${signal.type} is activity, which never counts as intent`,
      });
    }
  });
  issues.push(
    ...orderIssues(
      { path: 'intent.temperature.hot', name: 'HOT', value: temperature.hot },
      { path: 'intent.temperature.warm', name: 'WARM', value: temperature.warm },
    ),
  );
  return issues;
}

function matrixIssues(matrix: AgreementDocument['handover']['matrix']): DocumentIssue[] {
  const handsOver = GRADES.some((grade) =>
    TEMPERATURES.some((temperature) => matrix[grade][temperature] !== 'NURTURE'),
  );
  if (handsOver) return [];
  return [
    {
      path: 'handover.matrix',
      message: 'at least one cell must be MQL or Fast track, or no lead ever reaches sales',
    },
  ];
}

function routingIssues(routing: Routing): DocumentIssue[] {
  if (routing.mode !== 'TERRITORY') return [];
  const issues = duplicates(
    routing.territories,
    (territory) => territory.key,
    'handover.routing.territories',
    { field: 'key', item: 'territory' },
  );
  const owner = new Map<string, string>();
  routing.territories.forEach((territory, index) => {
    territory.countries.forEach((country, countryIndex) => {
      const other = owner.get(country);
      if (other && other !== territory.key) {
        issues.push({
          path: `handover.routing.territories[${index}].countries[${countryIndex}]`,
          message: `${country} already belongs to territory "${other}"`,
        });
      } else {
        owner.set(country, territory.key);
      }
      if (!/^[A-Z]{2}$/.test(country)) {
        issues.push({
          path: `handover.routing.territories[${index}].countries[${countryIndex}]`,
          message: 'must be a two-letter ISO country code',
        });
      }
    });
  });
  return issues;
}

function handoverIssues(handover: ReadableDocument['handover']): DocumentIssue[] {
  return [
    ...(handover.matrix ? matrixIssues(handover.matrix) : []),
    ...(handover.routing ? routingIssues(handover.routing) : []),
  ];
}

function sqlIssues(sql: ReadableDocument['sql']): DocumentIssue[] {
  const { checklist, minimumMet } = sql;
  const issues = duplicates(checklist, (item) => item.key, 'sql.checklist', {
    field: 'key',
    item: 'checklist item',
  });
  // An empty checklist is refused on its own; "cannot exceed the 0 items" would only repeat it.
  if (minimumMet !== undefined && checklist.length > 0 && minimumMet > checklist.length) {
    issues.push({
      path: 'sql.minimumMet',
      message:
        checklist.length === 1
          ? 'cannot exceed the 1 checklist item'
          : `cannot exceed the ${checklist.length} checklist items`,
    });
  }
  return issues;
}

function reasonIssues(reasons: ReadableDocument['rejectionReasons']): DocumentIssue[] {
  const issues = [
    ...duplicates(reasons, (reason) => reason.key, 'rejectionReasons', { field: 'key', item: 'reason' }),
    ...duplicates(
      reasons,
      (reason) => (reason.label === undefined ? undefined : comparableLabel(reason.label)),
      'rejectionReasons',
      { field: 'label', item: 'reason', shown: (reason) => reason.label },
    ),
  ];
  reasons.forEach((reason, index) => {
    const at = `rejectionReasons[${index}].recycleAfterDays`;
    if (reason.consequence === 'RECYCLE' && reason.recycleAfterDays === null) {
      issues.push({ path: at, message: 'is required when the reason recycles the lead' });
    }
    if (reason.consequence === 'DISQUALIFY' && typeof reason.recycleAfterDays === 'number') {
      issues.push({ path: at, message: 'must be empty when the reason disqualifies the lead' });
    }
  });
  return issues;
}

/**
 * A KPI's target is read in the unit of the dashboard metric of the same key. A rate is the share of something
 * that happened (accepted handovers, won deals), at most 100 %, so a higher target could never be met.
 */
function kpiIssues(kpis: ReadableDocument['kpis']): DocumentIssue[] {
  const issues = duplicates(kpis, (kpi) => kpi.key, 'kpis', { field: 'key', item: 'KPI' });
  kpis.forEach((kpi, index) => {
    const rate = kpi.key !== undefined && metricByKey(kpi.key)?.unit === 'RATE';
    if (rate && kpi.target && kpi.target.value > 100) {
      issues.push({
        path: `kpis[${index}].target.value`,
        message: 'must be at most 100, as a rate is a percentage',
      });
    }
  });
  return issues;
}

/** The rules that relate one field to another, over whatever of the document could be read. */
function crossFieldIssues(document: ReadableDocument): DocumentIssue[] {
  return [
    ...fitIssues(document.fit),
    ...intentIssues(document.intent),
    ...handoverIssues(document.handover),
    ...sqlIssues(document.sql),
    ...reasonIssues(document.rejectionReasons),
    ...kpiIssues(document.kpis),
  ];
}

/**
 * Parses untrusted input into a normalised agreement document, or lists every problem with it.
 * Used by the API before anything is stored and by the web editor as the member types.
 */
export function parseAgreementDocument(input: unknown): DocumentParseResult {
  const parsed = agreementDocumentSchema.safeParse(input);
  if (!parsed.success) {
    // The cross-field rules still check the parts that can be read, so one pass lists every problem:
    // a member fixing one field does not then meet a problem they could have been shown at once.
    const readable = normaliseReadable(readableDocument(input));
    return { ok: false, issues: [...parsed.error.issues.map(documentIssue), ...crossFieldIssues(readable)] };
  }
  const document = normalise(parsed.data);
  const issues = crossFieldIssues(document);
  return issues.length ? { ok: false, issues } : { ok: true, document };
}

/** Member ids the routing rule hands leads to, so the API can check that each is an active sales member. */
export function routedMemberIds(document: AgreementDocument): string[] {
  const routing = document.handover.routing;
  if (routing.mode === 'ROUND_ROBIN') return routing.memberIds;
  return unique([
    ...routing.territories.flatMap((territory) => territory.memberIds),
    ...routing.fallbackMemberIds,
  ]);
}

/** One place a routing rule names a member: `handover.routing.territories[0].memberIds[1]`. */
export interface RoutedMember {
  path: string;
  memberId: string;
}

/** Every place the routing rule names a member, in document order. */
export function routedMembers(routing: Routing): RoutedMember[] {
  const team = (path: string, ids: readonly string[]) =>
    ids.map((memberId, index) => ({ path: `${path}[${index}]`, memberId }));
  if (routing.mode === 'ROUND_ROBIN') return team('handover.routing.memberIds', routing.memberIds);
  return [
    ...routing.territories.flatMap((territory, index) =>
      team(`handover.routing.territories[${index}].memberIds`, territory.memberIds),
    ),
    ...team('handover.routing.fallbackMemberIds', routing.fallbackMemberIds),
  ];
}

/**
 * The places routing names a member who cannot take leads (`canTakeLeads` says who can: the API and the editor
 * both mean the workspace's active sales members), so each can be shown where it is and named in words.
 */
export function unroutableMembers(
  routing: Routing,
  canTakeLeads: (memberId: string) => boolean,
): RoutedMember[] {
  return routedMembers(routing).filter((entry) => !canTakeLeads(entry.memberId));
}

/**
 * What stands between a valid draft and proposing it. A draft may leave its round-robin team empty (a new workspace
 * has no sales members yet); a proposal asks sales to sign whom leads go to, so it must name someone.
 */
export function proposalIssues(document: AgreementDocument): DocumentIssue[] {
  return routedMemberIds(document).length === 0
    ? [
        {
          path: 'handover.routing.memberIds',
          message: 'must name at least one sales member before proposing',
        },
      ]
    : [];
}

/**
 * A stored document with its fields back in the schema's order. PostgreSQL's jsonb keeps keys in its own
 * order, which would otherwise reorder diffs and displays; a document that no longer parses is left as is.
 */
export function canonicalDocument(stored: unknown): AgreementDocument {
  const parsed = agreementDocumentSchema.safeParse(stored);
  return parsed.success ? parsed.data : (stored as AgreementDocument);
}

import { z } from 'zod';

import { AgreementDocument, agreementDocumentSchema } from './document';
import { InputIssue, inputIssue } from './fields';
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

/** Values the same field would treat as one collapse to the first spelling; the document keeps no duplicates. */
function normalise(document: AgreementDocument): AgreementDocument {
  return {
    ...document,
    fit: {
      ...document.fit,
      criteria: document.fit.criteria.map((criterion) => {
        const condition = criterion.condition;
        if (condition.kind === 'ANY_OF') {
          const form = VALUE_FORM[criterion.field] ?? ((value: string) => value);
          const seen = new Set<string>();
          const values = condition.values.map(form).filter((value) => {
            const identity = lowerCased(value);
            if (seen.has(identity)) return false;
            seen.add(identity);
            return true;
          });
          return { ...criterion, condition: { ...condition, values } };
        }
        if (condition.kind === 'CONTAINS_ANY') {
          return {
            ...criterion,
            condition: { ...condition, keywords: unique(condition.keywords.map(lowerCased)) },
          };
        }
        return criterion;
      }),
    },
    handover: {
      ...document.handover,
      routing:
        document.handover.routing.mode === 'ROUND_ROBIN'
          ? { ...document.handover.routing, memberIds: unique(document.handover.routing.memberIds) }
          : {
              ...document.handover.routing,
              territories: document.handover.routing.territories.map((territory) => ({
                ...territory,
                countries: unique(territory.countries.map(upperCased)),
                memberIds: unique(territory.memberIds),
              })),
              fallbackMemberIds: unique(document.handover.routing.fallbackMemberIds),
            },
    },
  };
}

function duplicates<T>(
  items: readonly T[],
  identity: (item: T) => string,
  path: string,
  noun: string,
): DocumentIssue[] {
  const seen = new Map<string, number>();
  return items.flatMap((item, index) => {
    const id = identity(item);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return [];
    }
    return [{ path: `${path}[${index}]`, message: `repeats the ${noun} "${id}" of item ${first + 1}` }];
  });
}

function fitIssues(document: AgreementDocument): DocumentIssue[] {
  const { criteria, grades } = document.fit;
  const issues: DocumentIssue[] = [...duplicates(criteria, (c) => c.key, 'fit.criteria', 'key')];
  criteria.forEach((criterion, index) => {
    const at = `fit.criteria[${index}]`;
    const expected = FIT_FIELD_CONDITION[criterion.field];
    const condition = criterion.condition;
    if (condition.kind !== expected) {
      issues.push({
        path: `${at}.condition`,
        message: `${criterion.field} takes a ${expected} condition, not ${condition.kind}`,
      });
      return;
    }
    if (condition.kind === 'RANGE') {
      if (condition.min === null && condition.max === null) {
        issues.push({ path: `${at}.condition`, message: 'a range needs a minimum, a maximum or both' });
      } else if (condition.min !== null && condition.max !== null && condition.min >= condition.max) {
        issues.push({ path: `${at}.condition.max`, message: `must be above the minimum (${condition.min})` });
      }
    }
    if (condition.kind === 'ANY_OF' && criterion.field === 'seniority') {
      condition.values.forEach((value, valueIndex) => {
        if (!(SENIORITIES as readonly string[]).includes(value)) {
          issues.push({
            path: `${at}.condition.values[${valueIndex}]`,
            message: `must be one of ${SENIORITIES.join(', ')}`,
          });
        }
      });
    }
    if (condition.kind === 'ANY_OF' && criterion.field === 'country') {
      condition.values.forEach((value, valueIndex) => {
        if (!/^[A-Z]{2}$/.test(value)) {
          issues.push({
            path: `${at}.condition.values[${valueIndex}]`,
            message: 'must be a two-letter ISO country code',
          });
        }
      });
    }
  });
  if (!criteria.some((criterion) => criterion.points > 0)) {
    issues.push({
      path: 'fit.criteria',
      message: 'needs at least one criterion with positive points, or every fit score is 0',
    });
  }
  if (!(grades.A > grades.B)) issues.push({ path: 'fit.grades.A', message: `must be above B (${grades.B})` });
  if (!(grades.B > grades.C)) issues.push({ path: 'fit.grades.B', message: `must be above C (${grades.C})` });
  return issues;
}

function intentIssues(document: AgreementDocument): DocumentIssue[] {
  const { signals, temperature } = document.intent;
  const issues = duplicates(signals, (signal) => signal.type, 'intent.signals', 'type');
  signals.forEach((signal, index) => {
    if (isActivitySignalType(signal.type)) {
      issues.push({
        path: `intent.signals[${index}].type`,
        message: `${signal.type} is activity, which never counts as intent`,
      });
    }
  });
  if (!(temperature.hot > temperature.warm)) {
    issues.push({ path: 'intent.temperature.hot', message: `must be above WARM (${temperature.warm})` });
  }
  return issues;
}

function handoverIssues(document: AgreementDocument): DocumentIssue[] {
  const { matrix, routing } = document.handover;
  const issues: DocumentIssue[] = [];
  const handsOver = GRADES.some((grade) =>
    TEMPERATURES.some((temperature) => matrix[grade][temperature] !== 'NURTURE'),
  );
  if (!handsOver) {
    issues.push({
      path: 'handover.matrix',
      message: 'at least one cell must be MQL or FAST_TRACK, or no lead ever reaches sales',
    });
  }
  if (routing.mode === 'TERRITORY') {
    issues.push(
      ...duplicates(routing.territories, (territory) => territory.key, 'handover.routing.territories', 'key'),
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
  }
  return issues;
}

function sqlIssues(document: AgreementDocument): DocumentIssue[] {
  const { checklist, minimumMet } = document.sql;
  const issues = duplicates(checklist, (item) => item.key, 'sql.checklist', 'key');
  if (minimumMet > checklist.length) {
    issues.push({ path: 'sql.minimumMet', message: `cannot exceed the ${checklist.length} checklist items` });
  }
  return issues;
}

function reasonIssues(document: AgreementDocument): DocumentIssue[] {
  const reasons = document.rejectionReasons;
  const issues = duplicates(reasons, (reason) => reason.key, 'rejectionReasons', 'key');
  issues.push(...duplicates(reasons, (reason) => reason.label.toLowerCase(), 'rejectionReasons', 'label'));
  reasons.forEach((reason, index) => {
    const at = `rejectionReasons[${index}].recycleAfterDays`;
    if (reason.consequence === 'RECYCLE' && reason.recycleAfterDays === null) {
      issues.push({ path: at, message: 'is required when the consequence is RECYCLE' });
    }
    if (reason.consequence === 'DISQUALIFY' && reason.recycleAfterDays !== null) {
      issues.push({ path: at, message: 'must be null when the consequence is DISQUALIFY' });
    }
  });
  return issues;
}

/**
 * Parses untrusted input into a normalised agreement document, or lists every problem with it.
 * Used by the API before anything is stored and by the web editor as the member types.
 */
export function parseAgreementDocument(input: unknown): DocumentParseResult {
  const parsed = agreementDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(documentIssue) };
  const document = normalise(parsed.data);
  const issues = [
    ...fitIssues(document),
    ...intentIssues(document),
    ...handoverIssues(document),
    ...sqlIssues(document),
    ...reasonIssues(document),
    ...duplicates(document.kpis, (kpi) => kpi.key, 'kpis', 'key'),
  ];
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

/**
 * A stored document with its fields back in the schema's order. PostgreSQL's jsonb keeps keys in its own
 * order, which would otherwise reorder diffs and displays; a document that no longer parses is left as is.
 */
export function canonicalDocument(stored: unknown): AgreementDocument {
  const parsed = agreementDocumentSchema.safeParse(stored);
  return parsed.success ? parsed.data : (stored as AgreementDocument);
}

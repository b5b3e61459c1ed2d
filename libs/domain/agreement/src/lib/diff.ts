import type { AgreementDocument } from './document';

export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

/** One difference between two documents; `before` is absent for ADDED, `after` for REMOVED. */
export interface DocumentChange {
  path: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** List items are matched by identity, not position, so reordering is no change and a path names the item. */
const IDENTITY_FIELDS = ['key', 'type'] as const;

function isRecord(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function identityOf(item: unknown): string | null {
  if (!isRecord(item)) return null;
  for (const field of IDENTITY_FIELDS) {
    const value = item[field];
    if (typeof value === 'string') return value;
  }
  return null;
}

function isKeyedList(value: unknown): value is Json[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => identityOf(item) !== null);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => equal(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && equal(a[key], b[key]));
  }
  return false;
}

function compare(before: unknown, after: unknown, path: string, changes: DocumentChange[]): void {
  if (equal(before, after)) return;
  const keyedBefore = isKeyedList(before) || (Array.isArray(before) && before.length === 0);
  const keyedAfter = isKeyedList(after) || (Array.isArray(after) && after.length === 0);
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    keyedBefore &&
    keyedAfter &&
    (before.length || after.length)
  ) {
    const afterById = new Map(after.map((item) => [identityOf(item) as string, item]));
    const beforeIds = new Set(before.map((item) => identityOf(item) as string));
    for (const item of before) {
      const id = identityOf(item) as string;
      if (afterById.has(id)) compare(item, afterById.get(id), `${path}[${id}]`, changes);
      else changes.push({ path: `${path}[${id}]`, kind: 'REMOVED', before: item });
    }
    for (const item of after) {
      const id = identityOf(item) as string;
      if (!beforeIds.has(id)) changes.push({ path: `${path}[${id}]`, kind: 'ADDED', after: item });
    }
    return;
  }
  if (isRecord(before) && isRecord(after) && identityOf(before) === identityOf(after)) {
    for (const key of Object.keys(before)) {
      const at = path ? `${path}.${key}` : key;
      if (key in after) compare(before[key], after[key], at, changes);
      else changes.push({ path: at, kind: 'REMOVED', before: before[key] });
    }
    for (const key of Object.keys(after)) {
      if (!(key in before))
        changes.push({ path: path ? `${path}.${key}` : key, kind: 'ADDED', after: after[key] });
    }
    return;
  }
  changes.push({ path, kind: 'CHANGED', before, after });
}

/**
 * Every field that differs between two versions' documents, in document order: objects are compared field by
 * field, lists of keyed items (criteria, signal types, reasons, KPIs…) item by item by key, and anything else
 * (a number, a list of values) as one value with its old and new form.
 */
export function diffDocuments(before: AgreementDocument, after: AgreementDocument): DocumentChange[] {
  const changes: DocumentChange[] = [];
  compare(before, after, '', changes);
  return changes;
}

import {
  type AgreementDocument,
  type ConditionKind,
  FIT_FIELD_CONDITION,
  type FitCondition,
  type FitCriterion,
  type FitField,
} from '@accord/domain/agreement';

import { formatDay } from '../shared/wording';

/** The text of the input or textarea an event came from. */
export function inputText(event: Event): string {
  return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
}

/** A key not yet used in a list, for a new item: "criterion-13". The member may rename it. */
export function unusedKey(prefix: string, items: readonly { key: string }[]): string {
  const used = new Set(items.map((item) => item.key));
  let number = items.length + 1;
  while (used.has(`${prefix}-${number}`)) number++;
  return `${prefix}-${number}`;
}

/** An empty condition of the kind a field takes. */
export function emptyCondition(kind: ConditionKind): FitCondition {
  switch (kind) {
    case 'RANGE':
      return { kind, min: null, max: null };
    case 'ANY_OF':
      return { kind, values: [] };
    case 'CONTAINS_ANY':
      return { kind, keywords: [] };
    case 'IS':
      return { kind, value: true };
  }
}

/** Points a criterion at another field, keeping its condition when the new field takes the same kind. */
export function withField(criterion: FitCriterion, field: FitField): FitCriterion {
  const kind = FIT_FIELD_CONDITION[field];
  return {
    ...criterion,
    field,
    condition: criterion.condition.kind === kind ? criterion.condition : emptyCondition(kind),
  };
}

/** `2026-04-01` in the member's time zone, for a date input. */
export function dateInputValue(instant: string | null): string {
  if (instant === null) return '';
  const date = new Date(instant);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A date input's day as the rest of the app writes dates, "27 Nov 2026", in the member's time zone like the input:
 * the input itself shows the browser's own format (mm/dd/yyyy in many).
 */
export function dateText(instant: string): string {
  return formatDay(instant);
}

/** The start of a date input's day in the member's time zone, as an instant; null when empty. */
export function instantOfDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The edits of one list of the agreement document — change an item's fields, remove an item, append one — each a
 * single draft edit, so that every section's list behaves alike.
 */
export function listEdits<T>(
  store: { edit(recipe: (document: AgreementDocument) => void): void },
  listOf: (document: AgreementDocument) => T[],
) {
  return {
    change(index: number, fields: Partial<T>): void {
      store.edit((document) => {
        const items = listOf(document);
        items[index] = { ...items[index], ...fields };
      });
    },
    remove(index: number): void {
      store.edit((document) => {
        listOf(document).splice(index, 1);
      });
    },
    add(create: (items: readonly T[]) => T): void {
      store.edit((document) => {
        const items = listOf(document);
        items.push(create(items));
      });
    },
  };
}

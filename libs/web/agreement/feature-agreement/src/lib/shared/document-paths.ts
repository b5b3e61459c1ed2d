import type {
  AgreementDocument,
  DocumentChange,
  FitCondition,
  FitCriterion,
  FitField,
  IntentSignalRule,
  Kpi,
  RejectionReason,
} from '@accord/domain/agreement';

import {
  conditionText,
  criterionText,
  fieldLabel,
  formatNumber,
  kpiTargetText,
  kpiText,
  kpiUnit,
  personName,
  reasonText,
  signalText,
  valueLabel,
} from './wording';

/** One step of a path: a field name, a list position (`[2]`, validation) or a list item's key (`[sqls]`, diffs). */
export type PathStep = { name: string } | { index: number } | { id: string };

/** "fit.criteria[2].points" → fit, criteria, #2, points; "kpis[sqls].target" → kpis, sqls, target. */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (match[1] !== undefined) steps.push({ name: match[1] });
    else if (/^\d+$/.test(match[2])) steps.push({ index: Number(match[2]) });
    else steps.push({ id: match[2] });
  }
  return steps;
}

const NAMES: Record<string, string> = {
  fit: 'Fit',
  criteria: 'Criteria',
  grades: 'Grade thresholds',
  intent: 'Intent',
  signals: 'Signal types',
  temperature: 'Temperature thresholds',
  warm: 'WARM',
  hot: 'HOT',
  handover: 'Handover',
  matrix: 'Matrix',
  slaHours: 'SLA hours',
  routing: 'Routing',
  mode: 'Mode',
  memberIds: 'Members',
  territories: 'Territories',
  fallbackMemberIds: 'Fallback team',
  countries: 'Countries',
  sql: 'SQL',
  checklist: 'Checklist',
  // As the editor labels these fields, so a problem with one reads as the form does.
  minimumMet: 'Items that must hold',
  rejectionReasons: 'Rejection reasons',
  consequence: 'Consequence',
  recycleAfterDays: 'Recycle after (days)',
  kpis: 'KPIs',
  target: 'Target',
  period: 'Period',
  key: 'Key',
  label: 'Label',
  name: 'Name',
  field: 'Field',
  condition: 'Condition',
  points: 'Points',
  type: 'Type',
  weight: 'Weight',
  cap: 'Counts at most',
  halfLifeDays: 'Half-life (days)',
  min: 'Minimum',
  max: 'Maximum',
  values: 'Values',
  keywords: 'Keywords',
  value: 'Value',
  description: 'Description',
  definition: 'Definition',
  kind: 'Kind',
  // As the editor labels the field, so a problem with it reads as the form does.
  requestedEffectiveAt: 'Take effect on',
};

/** What one item of each keyed list is called. */
const ITEM_NOUNS: Record<string, string> = {
  criteria: 'Criterion',
  signals: 'Signal type',
  territories: 'Territory',
  checklist: 'Checklist item',
  rejectionReasons: 'Reason',
  kpis: 'KPI',
  values: 'Value',
  keywords: 'Keyword',
  countries: 'Country',
  memberIds: 'Member',
  fallbackMemberIds: 'Member',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function step(value: unknown, at: PathStep): unknown {
  if ('name' in at) return isRecord(value) ? value[at.name] : undefined;
  if (!Array.isArray(value)) return undefined;
  if ('index' in at) return value[at.index];
  return value.find((item) => isRecord(item) && (item['key'] === at.id || item['type'] === at.id));
}

/** The value at a path in the first document that has it. */
function lookUp(documents: readonly unknown[], steps: readonly PathStep[]): unknown {
  for (const document of documents) {
    const value = steps.reduce<unknown>((current, at) => step(current, at), document);
    if (value !== undefined) return value;
  }
  return undefined;
}

function itemTitle(item: unknown): string | null {
  if (!isRecord(item)) return null;
  const title = item['label'] ?? item['name'];
  return typeof title === 'string' && title.trim() ? title.trim() : null;
}

/** The label of the field a criterion's range is of ("Employee count"), or null. */
function rangeField(criterion: unknown): string | null {
  const field = isRecord(criterion) ? criterion['field'] : undefined;
  return typeof field === 'string' ? (fieldLabel(field as FitField) ?? null) : null;
}

function nameOf(at: PathStep | undefined): string | undefined {
  return at && 'name' in at ? at.name : undefined;
}

function lastName(steps: readonly PathStep[]): string | undefined {
  for (let index = steps.length - 1; index >= 0; index--) {
    const at = steps[index];
    if ('name' in at) return at.name;
  }
  return undefined;
}

/**
 * Where a path points, in words: "Fit › Criterion “Uses a CRM” › Points", "Handover › Matrix › A × WARM".
 * List items are named by their label from the documents (the first that has the item), else by key or position.
 */
export function describePath(path: string, documents: readonly unknown[] = []): string {
  const steps = parsePath(path);
  if (steps.length === 0) return 'The whole agreement';
  const words: string[] = [];
  steps.forEach((at, position) => {
    const parent = nameOf(steps[position - 1]);
    if ('name' in at) {
      // As the editor labels a range's bounds and a KPI's target: "Employee count below", "Target".
      const bound = parent === 'condition' && (at.name === 'min' || at.name === 'max');
      const field = bound ? rangeField(lookUp(documents, steps.slice(0, position - 1))) : null;
      if (field) words[words.length - 1] = `${field} ${at.name === 'min' ? 'from' : 'below'}`;
      else if (parent === 'target' && at.name === 'value') return;
      else if (nameOf(steps[position - 2]) === 'matrix' && parent)
        words[words.length - 1] = `${parent} × ${at.name}`;
      else if (parent === 'matrix' || parent === 'grades') words.push(`Grade ${at.name}`);
      else if (parent === 'slaHours') words.push(at.name);
      else words.push(NAMES[at.name] ?? at.name);
      return;
    }
    const noun = (parent && ITEM_NOUNS[parent]) ?? 'Item';
    const title = itemTitle(lookUp(documents, steps.slice(0, position + 1)));
    const which = 'index' in at ? `${noun} ${at.index + 1}` : noun;
    const named = title ?? ('id' in at ? at.id : null);
    const item = named ? `${which} “${named}”` : which;
    // A nested list's name is implied by its item ("Criterion 3"); a section's name stays ("KPIs › KPI …").
    if (position > 1) words[words.length - 1] = item;
    else words.push(item);
  });
  return words.join(' › ');
}

/** The key of the KPI a path is inside, as diffs name it (`kpis[sla-met].target`); undefined elsewhere. */
function kpiKey(steps: readonly PathStep[]): string | undefined {
  const list = steps.findIndex((at) => nameOf(at) === 'kpis');
  const item = list < 0 ? undefined : steps[list + 1];
  return item && 'id' in item ? item.id : undefined;
}

/** What showing a value needs besides the value: the names of the people whose ids routing holds. */
export interface ValueContext {
  people: ReadonlyMap<string, string>;
}

function objectText(value: Record<string, unknown>, context: ValueContext): string {
  return Object.entries(value)
    .map(([key, entry]) => `${NAMES[key] ?? key}: ${valueText(entry, [{ name: key }], context)}`)
    .join('; ');
}

/** A value of the document in words, shaped by where it sits (a criterion, a KPI target, a member list…). */
export function valueText(value: unknown, steps: readonly PathStep[], context: ValueContext): string {
  const at = steps.at(-1);
  const container = at && !('name' in at) ? lastName(steps) : undefined;
  const name = at && 'name' in at ? at.name : undefined;
  if (value === null || value === undefined) {
    if (name === 'target') return 'No target';
    if (name === 'min' || name === 'max') return 'open';
    return 'none';
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (name === 'memberIds' || container === 'memberIds' || container === 'fallbackMemberIds')
      return personName(value, context.people);
    return valueLabel(value);
  }
  if (Array.isArray(value)) {
    const members = name === 'memberIds' || name === 'fallbackMemberIds';
    return value
      .map((entry) =>
        typeof entry === 'string' && members
          ? personName(entry, context.people)
          : valueText(entry, [], context),
      )
      .join(', ');
  }
  if (!isRecord(value)) return JSON.stringify(value) ?? '';
  switch (container ?? name) {
    case 'criteria':
      return criterionText(value as unknown as FitCriterion);
    case 'condition':
      return conditionText(value as unknown as FitCondition);
    case 'signals':
      return signalText(value as unknown as IntentSignalRule);
    case 'rejectionReasons':
      return reasonText(value as unknown as RejectionReason);
    case 'kpis':
      return kpiText(value as unknown as Kpi);
    case 'target':
      return kpiTargetText(value as unknown as Kpi['target'], kpiUnit(kpiKey(steps) ?? ''));
    default:
      return objectText(value, context);
  }
}

/** One row of a diff as people read it. */
export interface ChangeRow {
  path: string;
  where: string;
  kind: DocumentChange['kind'];
  before: string | null;
  after: string | null;
}

/** A change between two documents in words; items are named from whichever document holds them. */
export function changeRow(
  change: DocumentChange,
  documents: { before: AgreementDocument | null; after: AgreementDocument | null },
  context: ValueContext,
): ChangeRow {
  const steps = parsePath(change.path);
  const named = [documents.after, documents.before].filter((document) => document !== null);
  return {
    path: change.path,
    where: describePath(change.path, named),
    kind: change.kind,
    before: change.kind === 'ADDED' ? null : valueText(change.before, steps, context),
    after: change.kind === 'REMOVED' ? null : valueText(change.after, steps, context),
  };
}

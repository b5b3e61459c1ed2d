import type { LeadHistory } from '@accord/domain/demo-data';

/** A value as a table column takes it: text, number, boolean, time, text[] or jsonb. */
export type Value = string | number | boolean | Date | null | readonly string[] | Record<string, unknown>;

/** One table the seed writes: its columns, and the rows one lead's history adds to it. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  /** True when the rows carry the table's generated identity (written as given). */
  identity?: boolean;
  rows(history: LeadHistory, context: RowContext): Value[][];
}

export interface RowContext {
  workspaceId: string;
  /** Ids reserved for the lead's transitions, in order. */
  transitionIds: readonly string[];
}

/** The tables in the order they are written: referenced rows first. */
export const TABLES: readonly TableRows[] = [
  {
    table: 'leads',
    columns: [
      'workspace_id',
      'id',
      'email',
      'first_name',
      'last_name',
      'title',
      'seniority',
      'department',
      'budget_authority',
      'company_name',
      'company_domain',
      'employee_count',
      'annual_revenue',
      'industry',
      'country',
      'technologies',
      'source',
      'campaign',
      'owner_id',
      'stage',
      'stage_changed_at',
      'recycle_until',
      'signal_summary',
      'signal_count',
      'last_signal_at',
      'created_at',
      'updated_at',
    ],
    rows: ({ lead }, { workspaceId }) => [
      [
        workspaceId,
        lead.id,
        lead.email,
        lead.firstName,
        lead.lastName,
        lead.title,
        lead.seniority,
        lead.department,
        lead.budgetAuthority,
        lead.companyName,
        lead.companyDomain,
        lead.employeeCount,
        lead.annualRevenue,
        lead.industry,
        lead.country,
        lead.technologies,
        lead.source,
        lead.campaign,
        lead.ownerId,
        lead.stage,
        lead.stageChangedAt,
        lead.recycleUntil,
        lead.signalSummary,
        lead.signalCount,
        lead.lastSignalAt,
        lead.createdAt,
        lead.updatedAt,
      ],
    ],
  },
  {
    table: 'signals',
    columns: ['workspace_id', 'external_id', 'lead_id', 'type', 'occurred_at', 'source', 'received_at'],
    rows: ({ lead, signals }, { workspaceId }) =>
      signals.map((signal) => [
        workspaceId,
        signal.externalId,
        lead.id,
        signal.type,
        signal.occurredAt,
        signal.source,
        // Received moments after it happened, as a live integration delivers it.
        new Date(signal.occurredAt.getTime() + 2_000),
      ]),
  },
  {
    table: 'lead_transitions',
    identity: true,
    columns: [
      'workspace_id',
      'id',
      'lead_id',
      'from_stage',
      'to_stage',
      'version_id',
      'actor_id',
      'reason',
      'at',
      'handover_checked_at',
    ],
    rows: ({ lead, transitions }, { workspaceId, transitionIds }) =>
      transitions.map((transition, index) => [
        workspaceId,
        transitionIds[index],
        lead.id,
        transition.fromStage,
        transition.toStage,
        transition.versionId,
        transition.actorId,
        transition.reason,
        transition.at,
        // The opener has taken every move into MQL: each one's handover is written beside it.
        transition.toStage === 'MQL' ? transition.at : null,
      ]),
  },
  {
    table: 'lead_evaluations',
    columns: [
      'workspace_id',
      'version_id',
      'lead_id',
      'fit_score',
      'grade',
      'intent_score',
      'temperature',
      'outcome',
      'evaluated_at',
    ],
    rows: ({ lead, evaluation }, { workspaceId }) =>
      evaluation
        ? [
            [
              workspaceId,
              evaluation.versionId,
              lead.id,
              evaluation.fitScore,
              evaluation.grade,
              evaluation.intentScore,
              evaluation.temperature,
              evaluation.outcome,
              evaluation.evaluatedAt,
            ],
          ]
        : [],
  },
  {
    table: 'handovers',
    columns: [
      'workspace_id',
      'id',
      'lead_id',
      'transition_id',
      'version_id',
      'owner_id',
      'status',
      'grade',
      'temperature',
      'temperature_rank',
      'outcome',
      'fit_score',
      'intent_score',
      'explanation',
      'handed_over_at',
      'due_at',
      'expired_at',
      'decided_at',
      'decided_by',
      'within_sla',
      'reason_key',
      'reason_label',
      'note',
    ],
    rows: ({ lead, handovers }, { workspaceId, transitionIds }) =>
      handovers.map((h) => [
        workspaceId,
        h.id,
        lead.id,
        transitionIds[h.transition],
        h.versionId,
        h.ownerId,
        h.status,
        h.grade,
        h.temperature,
        h.temperatureRank,
        h.outcome,
        h.fitScore,
        h.intentScore,
        h.explanation,
        h.handedOverAt,
        h.dueAt,
        h.expiredAt,
        h.decidedAt,
        h.decidedBy,
        h.withinSla,
        h.reasonKey,
        h.reasonLabel,
        h.note,
      ]),
  },
  {
    table: 'handover_events',
    columns: ['workspace_id', 'handover_id', 'kind', 'actor_id', 'owner_id', 'version_id', 'detail', 'at'],
    rows: ({ handovers }, { workspaceId }) =>
      handovers.flatMap((h) =>
        h.events.map((event) => [
          workspaceId,
          h.id,
          event.kind,
          event.actorId,
          h.ownerId,
          h.versionId,
          event.detail,
          event.at,
        ]),
      ),
  },
  {
    table: 'lead_qualifications',
    columns: [
      'workspace_id',
      'lead_id',
      'item_key',
      'met',
      'note',
      'version_id',
      'answered_by',
      'answered_at',
    ],
    rows: ({ lead, qualifications }, { workspaceId }) =>
      qualifications.map((answer) => [
        workspaceId,
        lead.id,
        answer.itemKey,
        answer.met,
        answer.note,
        answer.versionId,
        answer.answeredBy,
        answer.answeredAt,
      ]),
  },
  {
    table: 'meetings',
    columns: [
      'workspace_id',
      'id',
      'lead_id',
      'owner_id',
      'scheduled_at',
      'title',
      'notes',
      'status',
      'qualified',
      'booked_by_id',
      'booked_at',
      'marked_by_id',
      'marked_at',
    ],
    rows: ({ lead, meetings }, { workspaceId }) =>
      meetings.map((m) => [
        workspaceId,
        m.id,
        lead.id,
        m.ownerId,
        m.scheduledAt,
        m.title,
        null,
        m.status,
        m.qualified,
        m.bookedById,
        m.bookedAt,
        m.markedById,
        m.markedAt,
      ]),
  },
  {
    table: 'opportunities',
    columns: [
      'workspace_id',
      'id',
      'lead_id',
      'name',
      'owner_id',
      'stage',
      'amount',
      'currency',
      'close_date',
      'lost_reason',
      'revision',
      'opened_by_id',
      'opened_at',
      'closed_at',
      'updated_at',
    ],
    rows: ({ lead, opportunities }, { workspaceId }) =>
      opportunities.map((o) => [
        workspaceId,
        o.id,
        lead.id,
        o.name,
        o.ownerId,
        o.stage,
        o.amount,
        o.currency,
        o.closeDate,
        o.lostReason,
        o.revision,
        o.openedById,
        o.openedAt,
        o.closedAt,
        o.updatedAt,
      ]),
  },
  {
    table: 'opportunity_transitions',
    columns: [
      'workspace_id',
      'opportunity_id',
      'from_stage',
      'to_stage',
      'amount',
      'actor_id',
      'version_id',
      'at',
    ],
    rows: ({ opportunities }, { workspaceId }) =>
      opportunities.flatMap((o) =>
        o.transitions.map((t) => [
          workspaceId,
          o.id,
          t.fromStage,
          t.toStage,
          t.amount,
          t.actorId,
          t.versionId,
          t.at,
        ]),
      ),
  },
];

/** A value as a COPY text-format field: `\N` for null, with backslash, tab and line breaks escaped. */
export function copyField(value: Value): string {
  if (value === null) return '\\N';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value))
    text = `{${value.map((item: string) => `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** A row as one line of COPY's text format, newline included. */
export function copyLine(values: readonly Value[]): string {
  return `${values.map(copyField).join('\t')}\n`;
}

/** A row as a JSON object for json_populate_recordset: times as ISO text, arrays and objects as they are. */
export function jsonRow(columns: readonly string[], values: readonly Value[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  columns.forEach((column, index) => {
    const value = values[index];
    row[column] = value instanceof Date ? value.toISOString() : value;
  });
  return row;
}

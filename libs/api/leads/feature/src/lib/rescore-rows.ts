import type { PlannedMoves } from '@accord/api/leads/data-access';
import type { CopyRow } from '@accord/api/shared/database';
import type { AgreementDocument } from '@accord/domain/agreement';
import { LIFECYCLE_STAGES, type LifecycleStage, stageAfterEvaluation } from '@accord/domain/leads';
import { type LeadFacts, type SignalTimes, emailDomainOf, prepareScoring } from '@accord/domain/scoring';

/**
 * What a rescore reads of each lead: the scoring inputs and the stage, every column as text so that COPY's text
 * format and a plain query (the embedded path) give the same strings. Order matters: see scoredLine.
 */
export const RESCORE_COLUMNS = `id::text, email, title, seniority, department, budget_authority::text,
  employee_count::text, annual_revenue::text, industry, country, array_to_json(technologies)::text,
  signal_summary::text, stage, (extract(epoch FROM recycle_until) * 1000)::float8::text`;

/** The columns of lead_evaluations that scoredLine writes, in its order. */
export const EVALUATION_COLUMNS =
  'workspace_id, version_id, lead_id, fit_score, grade, intent_score, temperature, outcome, evaluated_at';

/** The stage constant for a stage read from the database (not the read string itself: see `moves`). */
function stageNamed(value: string | null): LifecycleStage {
  const stage = LIFECYCLE_STAGES.find((known) => known === value);
  if (!stage) throw new Error(`unknown lifecycle stage ${value}`);
  return stage;
}

const number = (value: string | null) => (value === null || value === '' ? null : Number(value));
const text = (value: string | null) => (value === '' ? null : value);

function factsOf(row: CopyRow): LeadFacts {
  const budget = row[5];
  return {
    emailDomain: emailDomainOf(row[1]),
    title: text(row[2]),
    seniority: text(row[3]),
    department: text(row[4]),
    budgetAuthority: budget === null ? null : budget === 't' || budget === 'true',
    employeeCount: number(row[6]),
    annualRevenue: number(row[7]),
    industry: text(row[8]),
    country: text(row[9]),
    technologies: row[10] === null ? [] : (JSON.parse(row[10]) as string[]),
  };
}

/**
 * Scores rows of RESCORE_COLUMNS under one version into lines of COPY's text format for lead_evaluations, and
 * notes the leads whose stage the new evaluation would move (applied after the flip, see RescoreRunner).
 */
export class RescoreRows {
  /** The stage moves the new evaluations call for, as read; applied after the flip where nothing changed. */
  readonly moves: PlannedMoves = { ids: [], from: [], to: [], reasons: [] };
  private readonly score: ReturnType<typeof prepareScoring>;
  private readonly prefix: string;
  private readonly suffix: string;
  private readonly nowMs: number;

  constructor(
    workspaceId: string,
    version: { id: string; document: AgreementDocument },
    private readonly at: Date,
  ) {
    this.score = prepareScoring(version.document);
    this.prefix = `${workspaceId}\t${version.id}\t`;
    this.suffix = `\t${at.toISOString()}\n`;
    this.nowMs = at.getTime();
  }

  /** The evaluation lines of a batch of rows, as one string: one write to COPY FROM STDIN per batch. */
  lines(rows: readonly CopyRow[]): string {
    let out = '';
    for (const row of rows) out += this.line(row);
    return out;
  }

  private readonly reasons = new Map<string, string>();

  private reason({ grade, temperature, outcome }: { grade: string; temperature: string; outcome: string }) {
    const key = `${grade}/${temperature}: ${outcome}`;
    let text = this.reasons.get(key);
    if (!text) this.reasons.set(key, (text = `rescored ${key}`));
    return text;
  }

  private line(row: CopyRow): string {
    const id = row[0] as string;
    const signals = (row[11] === null ? {} : JSON.parse(row[11])) as SignalTimes;
    const scores = this.score(factsOf(row), signals, this.nowMs);
    const recycleUntil = number(row[13]);
    const next = stageAfterEvaluation(
      stageNamed(row[12]),
      scores.outcome,
      recycleUntil === null ? null : new Date(recycleUntil),
      this.at,
    );
    if (next) {
      // Copies: a field is a slice of its whole chunk of COPY output, which keeping it would keep alive.
      this.moves.ids.push(Buffer.from(id, 'latin1').toString('latin1'));
      this.moves.from.push(stageNamed(row[12]));
      this.moves.to.push(next);
      // A handful of distinct texts: the same string object for each keeps a million moves small.
      this.moves.reasons.push(this.reason(scores));
    }
    return `${this.prefix}${id}\t${scores.fitScore}\t${scores.grade}\t${scores.intentScore}\t${scores.temperature}\t${scores.outcome}${this.suffix}`;
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { PublishedDocuments } from '@accord/api/agreements/data-access';
import {
  EvaluationRow,
  LeadEntity,
  LeadForScoring,
  LeadsRepository,
  ScoringStateRepository,
  TransitionRow,
} from '@accord/api/leads/data-access';
import type { AgreementDocument } from '@accord/domain/agreement';
import { type LifecycleStage, leadFacts, stageAfterEvaluation, summarySignals } from '@accord/domain/leads';
import { Evaluation, ScoreLead, Scores, evaluateLead, prepareScoring } from '@accord/domain/scoring';

export type ScoredLead = Pick<
  LeadEntity,
  | 'id'
  | 'email'
  | 'title'
  | 'seniority'
  | 'department'
  | 'budgetAuthority'
  | 'companyName'
  | 'companyDomain'
  | 'employeeCount'
  | 'annualRevenue'
  | 'industry'
  | 'country'
  | 'technologies'
  | 'signalSummary'
>;

/**
 * A lead about to be created, with the fields scoring reads. `movedAt`: when its first stage move is dated, if not
 * now — an imported lead of the past entered the funnel when it was created, which is the day its fit (all a new
 * lead is scored on) made it an MQL. `withoutHandover`: its move into MQL opens no handover.
 */
export type NewLeadForScoring = Omit<LeadForScoring, 'signalSummary' | 'stage' | 'recycleUntil'> & {
  movedAt?: Date;
  withoutHandover?: boolean;
};

/** New leads' scores: the stage each is created in, and the writes that follow once they exist. */
export interface NewLeadsScored {
  stageOf(leadId: string): LifecycleStage;
  store(manager: EntityManager): Promise<void>;
}

interface ScoringPlan {
  evaluations: EvaluationRow[];
  transitions: TransitionRow[];
}

/** The lead's full evaluation: the same function scores one lead on a change and a million in a rescore. */
export function evaluate(
  lead: ScoredLead,
  version: { id: string; document: AgreementDocument },
  now: Date,
): Evaluation {
  return evaluateLead({
    lead: leadFacts(lead),
    signals: summarySignals(lead.signalSummary),
    version,
    now,
  });
}

export function evaluationRow(leadId: string, versionId: string, scores: Scores, now: Date): EvaluationRow {
  return { leadId, versionId, ...scores, evaluatedAt: now };
}

/**
 * Keeps leads' evaluations current as their inputs change: scores them under the workspace's scoring version
 * in the caller's transaction, stores the evaluation, and moves the stage when the matrix says so.
 */
@Injectable()
export class LeadScorer {
  /** Prepared scoring by version id: published documents never change. */
  private readonly prepared = new Map<string, ScoreLead>();

  constructor(
    private readonly leads: LeadsRepository,
    private readonly scoring: ScoringStateRepository,
    private readonly published: PublishedDocuments,
  ) {}

  document(manager: EntityManager, versionId: string): Promise<AgreementDocument> {
    return this.published.document(manager, versionId);
  }

  /** The version's scoring, prepared once: what is stored needs the numbers, not the explanation. */
  private async scorerFor(manager: EntityManager, versionId: string): Promise<ScoreLead> {
    const cached = this.prepared.get(versionId);
    if (cached) return cached;
    const score = prepareScoring(await this.document(manager, versionId));
    this.prepared.set(versionId, score);
    return score;
  }

  private scores(score: ScoreLead, lead: LeadForScoring, now: Date): Scores {
    return score(leadFacts(lead), lead.signalSummary, now.getTime());
  }

  /**
   * Scores the given leads under a given version, without moving stages: a rescore's catch-up, under the flip's
   * lock. It reads the leads without locking them (see LeadsRepository.readForScoring): writers lock a lead before
   * they wait for that lock, so locking it here too would deadlock with them.
   */
  async scoreUnder(
    manager: EntityManager,
    versionId: string,
    leadIds: readonly string[],
    now: Date,
  ): Promise<void> {
    const score = await this.scorerFor(manager, versionId);
    for (let start = 0; start < leadIds.length; start += 1_000) {
      const leads = await this.leads.readForScoring(manager, leadIds.slice(start, start + 1_000));
      await this.leads.upsertEvaluations(
        manager,
        leads.map((lead) => evaluationRow(lead.id, versionId, this.scores(score, lead, now), now)),
      );
    }
  }

  /** Scores leads whose inputs just changed; returns nothing to score with until a version is published. */
  async scoreChanged(
    manager: EntityManager,
    leads: readonly LeadForScoring[],
    now: Date,
    actorId: string | null,
  ): Promise<void> {
    const plan = await this.plan(manager, leads, now, actorId);
    if (!plan) return;
    await this.leads.upsertEvaluations(manager, plan.evaluations);
    await this.leads.setStages(
      manager,
      plan.transitions.map((transition) => ({ id: transition.leadId, stage: transition.toStage })),
      now,
    );
    await this.leads.insertTransitions(manager, plan.transitions);
  }

  /**
   * Scores leads that are about to be created (they have no signals yet), so that each is written once, already
   * in the stage its scores put it in, instead of inserted and then moved. The caller inserts the leads in
   * `stageOf`'s stages (moved at each one's `movedAt`, else `now`), then calls `store` for their evaluations and
   * stage moves.
   */
  async scoreNew(
    manager: EntityManager,
    leads: readonly NewLeadForScoring[],
    now: Date,
    actorId: string | null,
  ): Promise<NewLeadsScored> {
    const plan = await this.plan(
      manager,
      leads.map((lead) => ({ ...lead, signalSummary: {}, stage: 'LEAD', recycleUntil: null })),
      now,
      actorId,
    );
    const moved = new Map(plan?.transitions.map((transition) => [transition.leadId, transition.toStage]));
    const byId = new Map(leads.map((lead) => [lead.id, lead]));
    return {
      stageOf: (leadId) => moved.get(leadId) ?? 'LEAD',
      store: async (writer) => {
        if (!plan) return;
        await this.leads.upsertEvaluations(writer, plan.evaluations);
        await this.leads.insertTransitions(
          writer,
          plan.transitions.map((transition) => {
            const lead = byId.get(transition.leadId);
            return {
              ...transition,
              at: lead?.movedAt ?? now,
              handoverCheckedAt: lead?.withoutHandover ? now : null,
            };
          }),
        );
      },
    };
  }

  /** The leads' evaluations under the scoring version and the stage moves they make; null before any is published. */
  private async plan(
    manager: EntityManager,
    leads: readonly LeadForScoring[],
    now: Date,
    actorId: string | null,
  ): Promise<ScoringPlan | null> {
    if (leads.length === 0) return null;
    const versionId = await this.scoring.pointer(manager, 'share');
    if (!versionId) return null;
    const score = await this.scorerFor(manager, versionId);
    const evaluations: EvaluationRow[] = [];
    const transitions: TransitionRow[] = [];
    for (const lead of leads) {
      const evaluation = this.scores(score, lead, now);
      evaluations.push(evaluationRow(lead.id, versionId, evaluation, now));
      const next = stageAfterEvaluation(lead.stage, evaluation.outcome, lead.recycleUntil, now);
      if (next) {
        transitions.push({
          leadId: lead.id,
          fromStage: lead.stage,
          toStage: next,
          versionId,
          actorId,
          reason: `scored ${evaluation.grade}/${evaluation.temperature}: ${evaluation.outcome}`,
          at: now,
        });
      }
    }
    return { evaluations, transitions };
  }
}

import { type RoutingCursors, TEMPERATURE_RANK, handoverDueAt, routeLeads } from '@accord/domain/handover';
import { type LifecycleStage, stageAfterEvaluation, summarySignals } from '@accord/domain/leads';
import {
  type ScoreLead,
  type Scores,
  evaluateLead,
  explanationSummary,
  prepareScoring,
} from '@accord/domain/scoring';

import { MAX_ACTIVITY_WEIGHT, activityWeight } from './calendar';
import { intentSignals, leadFacts, leadRow, summaryOf } from './lead-row';
import type { HandoverRow, LeadHistory, LeadRow, SeedVersion, TransitionRow, WorkspacePlan } from './model';
import { type Company, makeCompanies, makeContact } from './people';
import { workPipeline } from './pipeline-path';
import { Random, leadSeed } from './random';
import { REJECTION_NOTES } from './vocabulary';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Handovers younger than this may still be waiting for a decision (the open queue). */
const BACKLOG_MS = 3 * DAY_MS;

interface Scorer {
  version: SeedVersion;
  score: ScoreLead;
}

/**
 * Generates a workspace's leads one at a time, each with its whole history: signals, stage transitions,
 * handovers and their events, qualification answers, meetings and opportunities. Pure and deterministic for a
 * plan: the same seed gives the same workspace, ids included. Only the companies and the routing turns are
 * kept between leads, so a million leads stream in bounded memory. Routing turns are taken in generation order.
 */
export class WorkspaceGenerator {
  private readonly scorers: Scorer[];
  private readonly companies: Company[];
  private cursors: RoutingCursors = {};
  private readonly active: ReadonlySet<string>;
  private readonly managers: string[];

  constructor(readonly plan: WorkspacePlan) {
    if (plan.versions.length === 0) throw new Error('a workspace needs a published agreement to seed');
    if (plan.versions[0].effectiveAt > plan.start)
      throw new Error('the first published version must be in force from the start of the history');
    this.scorers = plan.versions.map((version) => ({ version, score: prepareScoring(version.document) }));
    this.companies = makeCompanies(Math.max(40, Math.ceil(plan.leads / 6)), plan.seed);
    this.active = new Set(plan.activeMemberIds ?? plan.reps.map((rep) => rep.id));
    this.cursors = plan.cursors ?? {};
    this.managers = plan.reps.filter((rep) => rep.manager).map((rep) => rep.id);
  }

  *leads(): Generator<LeadHistory> {
    const first = this.plan.firstIndex ?? 0;
    for (let index = first; index < first + this.plan.leads; index++) yield this.lead(index);
  }

  /** Where the routing turns stand after the leads generated so far. */
  routingCursors(): RoutingCursors {
    return this.cursors;
  }

  /** The version in force at `at`. */
  scorerAt(at: Date): Scorer {
    let found = this.scorers[0];
    for (const scorer of this.scorers) if (scorer.version.effectiveAt <= at) found = scorer;
    return found;
  }

  lead(index: number): LeadHistory {
    const { plan } = this;
    const random = new Random(leadSeed(plan.seed, index), index);
    const company = this.companies[Math.floor(random.next() ** 1.5 * this.companies.length)];
    const contact = makeContact(company, index, random);
    const createdAt = this.createdAt(random);
    const lead = leadRow(random.uuid(), company, contact, createdAt);
    const facts = leadFacts(lead);
    const fit = this.scorerAt(createdAt).score(facts, {}, createdAt.getTime()).fitScore;
    // Interest follows fit: people the product suits read the pricing page; others download a guide.
    const interest = Math.min(1, Math.max(0, 0.1 + (0.55 * fit) / 100 + 0.22 * random.normal()));
    const signals = intentSignals(random, lead, interest, plan.now);

    const history: LeadHistory = {
      lead,
      signals,
      transitions: [],
      handovers: [],
      qualifications: [],
      meetings: [],
      opportunities: [],
      evaluation: null,
    };
    const move = (to: LifecycleStage, at: Date, actorId: string | null, reason: string) => {
      history.transitions.push({
        fromStage: history.transitions.length === 0 ? null : lead.stage,
        toStage: to,
        versionId: this.scorerAt(at).version.id,
        actorId,
        reason,
        at,
      });
      lead.stage = to;
      lead.stageChangedAt = at;
    };
    move('LEAD', createdAt, plan.creatorId, 'created');

    // Scoring moments: creation, every intent signal, every version taking effect later (its rescore).
    const moments = [
      createdAt.getTime(),
      ...signals.map((signal) => signal.occurredAt.getTime()),
      ...this.scorers
        .map((scorer) => scorer.version.effectiveAt.getTime())
        .filter((time) => time > createdAt.getTime()),
    ].sort((a, b) => a - b);
    let summary = summaryOf(signals);
    for (const time of moments) {
      if (lead.stage !== 'LEAD' && lead.stage !== 'NURTURE') break;
      // Moments while sales held the lead (before a rejection sent it back) moved nothing.
      if (time < lead.stageChangedAt.getTime()) continue;
      const at = new Date(time);
      const { version, score } = this.scorerAt(at);
      const scores = score(facts, summary, time);
      const next = stageAfterEvaluation(lead.stage, scores.outcome, lead.recycleUntil, at);
      if (!next) continue;
      move(next, at, time === createdAt.getTime() ? plan.creatorId : null, scoredReason(scores));
      if (next === 'MQL') this.handOver(history, random, version, scores, interest);
      // Activity of the sales path joins the summary: it never scores, but the product keeps it.
      summary = summaryOf(history.signals);
    }

    const finalSignals = history.signals.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    lead.signalSummary = summaryOf(finalSignals);
    lead.signalCount = finalSignals.length;
    lead.lastSignalAt = finalSignals.at(-1)?.occurredAt ?? null;
    lead.updatedAt = new Date(
      Math.max(lead.createdAt.getTime(), lead.stageChangedAt.getTime(), lead.lastSignalAt?.getTime() ?? 0),
    );
    const { version, score } = this.scorerAt(plan.now);
    const scores = score(facts, lead.signalSummary, plan.now.getTime());
    history.evaluation = { versionId: version.id, ...scores, evaluatedAt: plan.now };
    return history;
  }

  /** A creation time in [start, now), denser in busy months and on weekdays, and growing over the period. */
  private createdAt(random: Random): Date {
    const { start, now } = this.plan;
    const span = now.getTime() - start.getTime() - HOUR_MS;
    for (;;) {
      const at = new Date(start.getTime() + Math.floor(random.next() * span));
      if (random.next() * MAX_ACTIVITY_WEIGHT < activityWeight(at, start, now)) return at;
    }
  }

  /** The handover the opener makes of a move into MQL, and what sales decide (or not yet). */
  private handOver(
    history: LeadHistory,
    random: Random,
    version: SeedVersion,
    scores: Scores,
    interest: number,
  ): void {
    const { plan } = this;
    const { lead } = history;
    const transition = history.transitions.length - 1;
    const at = history.transitions[transition].at;
    const routed = routeLeads(version.document.handover.routing, [lead], this.cursors, this.active);
    this.cursors = routed.cursors;
    const ownerId = routed.ownerIds[0];
    const evaluation = evaluateLead({
      lead: leadFacts(lead),
      signals: summarySignals(summaryOf(history.signals)),
      version,
      now: at,
    });
    const dueAt = handoverDueAt(at, scores.temperature, version.document.handover.slaHours);
    const handover: HandoverRow = {
      id: random.uuid(),
      transition,
      versionId: version.id,
      ownerId,
      status: 'OPEN',
      grade: scores.grade,
      temperature: scores.temperature,
      temperatureRank: TEMPERATURE_RANK[scores.temperature],
      outcome: scores.outcome,
      fitScore: scores.fitScore,
      intentScore: scores.intentScore,
      explanation: explanationSummary(evaluation).slice(0, 1000),
      handedOverAt: at,
      dueAt,
      expiredAt: null,
      decidedAt: null,
      decidedBy: null,
      withinSla: null,
      reasonKey: null,
      reasonLabel: null,
      note: null,
      events: [
        {
          kind: 'CREATED',
          actorId: null,
          detail: ownerId
            ? `handed over ${scores.grade}/${scores.temperature}, routed by the agreement`
            : `handed over ${scores.grade}/${scores.temperature}; no active member to route to, waiting for a manager`,
          at,
        },
      ],
    };
    history.handovers.push(handover);
    if (ownerId) lead.ownerId = ownerId;

    // Most decide well within the SLA; a tail decides late; recent ones may still wait.
    const slaMs = dueAt.getTime() - at.getTime();
    const nowMs = plan.now.getTime();
    const waiting = nowMs - at.getTime() < BACKLOG_MS && random.chance(0.35);
    const delay = slaMs * Math.exp(0.7 * random.normal() - 1.0);
    let decidedMs = waiting ? Infinity : at.getTime() + Math.max(5 * 60_000, delay);
    // The queue starts clean of overdue work: a handover already past due was decided, late, by now.
    if (decidedMs >= nowMs && dueAt.getTime() < nowMs)
      decidedMs = dueAt.getTime() + random.between(0.05, 0.95) * (nowMs - dueAt.getTime());
    const expires = Math.min(decidedMs, plan.now.getTime()) > dueAt.getTime();
    if (expires) {
      handover.status = 'EXPIRED';
      handover.expiredAt = dueAt;
      handover.events.push({
        kind: 'EXPIRED',
        actorId: null,
        detail: 'not decided within the SLA; escalated to the sales managers',
        at: dueAt,
      });
    }
    const decider =
      ownerId && (this.managers.length === 0 || random.chance(0.9))
        ? ownerId
        : this.pick(random, this.managers);
    if (decidedMs >= plan.now.getTime() || !decider) return;

    const decidedAt = new Date(decidedMs);
    const withinSla = decidedMs <= dueAt.getTime();
    const late = withinSla ? '' : ' (after the due time)';
    Object.assign(handover, { decidedAt, decidedBy: decider, withinSla });
    const quality = qualityOf(scores, interest);
    const acceptance = 0.12 + 0.8 * quality - (lead.seniority === 'STUDENT' ? 0.4 : 0);
    if (random.chance(acceptance)) {
      handover.status = 'ACCEPTED';
      handover.events.push({ kind: 'ACCEPTED', actorId: decider, detail: `accepted${late}`, at: decidedAt });
      this.moveLead(history, 'SAL', decidedAt, decider, 'handover accepted');
      workPipeline(history, random, {
        plan,
        ownerId: ownerId ?? decider,
        acceptedAt: decidedAt,
        quality,
        company: lead.companyName,
        employees: lead.employeeCount,
        versionAt: (time) => this.scorerAt(time).version,
        move: (to, time, actorId, reason) => this.moveLead(history, to, time, actorId, reason),
      });
      return;
    }
    const reasons = version.document.rejectionReasons;
    const key = rejectionKey(lead, scores, random);
    const reason = reasons.find((candidate) => candidate.key === key) ?? random.item(reasons);
    const notes = REJECTION_NOTES[reason.key];
    Object.assign(handover, {
      status: 'REJECTED',
      reasonKey: reason.key,
      reasonLabel: reason.label,
      note: notes && random.chance(0.6) ? random.item(notes) : null,
    });
    handover.events.push({
      kind: 'REJECTED',
      actorId: decider,
      detail: `rejected: ${reason.label}${late}`,
      at: decidedAt,
    });
    const recycle = reason.consequence === 'RECYCLE';
    this.moveLead(
      history,
      recycle ? 'NURTURE' : 'DISQUALIFIED',
      decidedAt,
      decider,
      `handover rejected: ${reason.label}`.slice(0, 200),
    );
    lead.recycleUntil = recycle ? new Date(decidedMs + (reason.recycleAfterDays ?? 0) * DAY_MS) : null;
  }

  private moveLead(
    history: LeadHistory,
    to: LifecycleStage,
    at: Date,
    actorId: string | null,
    reason: string,
  ): void {
    const transition: TransitionRow = {
      fromStage: history.lead.stage,
      toStage: to,
      versionId: this.scorerAt(at).version.id,
      actorId,
      reason,
      at,
    };
    history.transitions.push(transition);
    history.lead.stage = to;
    history.lead.stageChangedAt = at;
  }

  private pick(random: Random, ids: readonly string[]): string | null {
    return ids.length === 0 ? null : random.item(ids);
  }
}

/** How promising a handed-over lead is, 0–1: grade first, then temperature and interest. */
export function qualityOf(scores: Pick<Scores, 'grade' | 'temperature'>, interest: number): number {
  const grade = { A: 0.85, B: 0.62, C: 0.38, D: 0.15 }[scores.grade];
  const heat = { HOT: 0.1, WARM: 0, COLD: -0.1 }[scores.temperature];
  return Math.min(1, Math.max(0, grade + heat + 0.1 * (interest - 0.5)));
}

function scoredReason(scores: Scores): string {
  return `scored ${scores.grade}/${scores.temperature}: ${scores.outcome}`;
}

/** The reason a rep gives: poor fits are outside the ICP, wrong people are wrong contacts, the rest not ready. */
function rejectionKey(lead: LeadRow, scores: Scores, random: Random): string {
  const personal = lead.companyDomain === null;
  if ((scores.grade === 'D' || scores.grade === 'C' || personal) && random.chance(0.7))
    return random.chance(0.08) ? 'competitor' : 'not-icp';
  if (lead.seniority === 'INDIVIDUAL' || lead.seniority === 'STUDENT' || lead.seniority === null)
    return random.chance(0.6) ? 'wrong-contact' : 'not-ready';
  return random.chance(0.6) ? 'not-ready' : 'no-budget';
}

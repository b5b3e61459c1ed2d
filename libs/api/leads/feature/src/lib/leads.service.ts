import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

import { AgreementsRepository } from '@accord/api/agreements/data-access';
import {
  LeadCursor,
  LeadEntity,
  LeadEvaluationEntity,
  LeadSpellingsRepository,
  LeadsRepository,
  ScoringStateRepository,
} from '@accord/api/leads/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb, isUniqueViolation } from '@accord/api/shared/database';
import { AppError, decodeCursor, encodeCursor } from '@accord/api/shared/graphql';
import { LeadFields, fillCompanyFacts, parseLeadFields, respell, spellingsIn } from '@accord/domain/leads';
import { explanationSummary } from '@accord/domain/scoring';

import { LeadInput, LeadsArgs, RecordSignalInput } from './dto/lead.inputs';
import { mergeLeadInput } from './lead-fields';
import { LeadScorer, evaluate } from './lead-scorer';
import {
  Lead,
  LeadConnection,
  LeadDetail,
  LeadEvaluation,
  LeadExplanation,
  ScoringStatus,
} from './models/lead.model';
import { IngestReport, SignalIngestionService } from './signal-ingestion.service';

/** Leads as people create, edit and read them; every change rescores the lead in the same transaction. */
@Injectable()
export class LeadsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly leads: LeadsRepository,
    private readonly spellings: LeadSpellingsRepository,
    private readonly scoring: ScoringStateRepository,
    private readonly agreements: AgreementsRepository,
    private readonly scorer: LeadScorer,
    private readonly ingestion: SignalIngestionService,
    private readonly clock: Clock,
  ) {}

  async create(actor: AuthMember, input: LeadInput): Promise<Lead> {
    const parsed = this.parse(input);
    const now = this.clock.now();
    try {
      return await this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
        const { fields } = respell(parsed, await this.spellings.known(manager, spellingsIn([parsed])));
        const ownerId = await this.checkOwner(manager, input.ownerId ?? null);
        // The company's facts the form left blank, as the workspace's other leads at its domain know them.
        const domain = fields.companyDomain;
        const company = domain ? (await this.leads.companyFacts(manager, [domain])).get(domain) : undefined;
        const lead = await this.leads.insert(manager, {
          ...fillCompanyFacts(fields, company).lead,
          workspaceId: actor.workspaceId,
          id: randomUUID(),
          ownerId,
          at: now,
        });
        await this.leads.insertTransitions(manager, [
          {
            leadId: lead.id,
            fromStage: null,
            toStage: 'LEAD',
            versionId: await this.scoring.pointer(manager, null),
            actorId: actor.id,
            reason: 'created',
            at: now,
          },
        ]);
        await this.scorer.scoreChanged(manager, [lead], now, actor.id);
        await this.spellings.record(manager, [{ ...fields, id: lead.id }]);
        return this.present(manager, (await this.leads.findById(manager, lead.id)) as LeadEntity);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppError.conflict(`A lead with the e-mail ${parsed.email} already exists.`);
      throw error;
    }
  }

  async update(actor: AuthMember, id: string, input: LeadInput): Promise<Lead> {
    const now = this.clock.now();
    try {
      return await this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
        const [current] = await this.leads.lockByIds(manager, [id]);
        if (!current) throw AppError.notFound('No such lead in this workspace.');
        const parsed = this.parse(mergeLeadInput(current, { ...input }));
        const { fields } = respell(parsed, await this.spellings.known(manager, spellingsIn([parsed])));
        const ownerId =
          'ownerId' in input ? await this.checkOwner(manager, input.ownerId ?? null) : current.ownerId;
        await this.leads.update(manager, id, { ...fields, ownerId }, now);
        const updated = (await this.leads.findById(manager, id)) as LeadEntity;
        await this.scorer.scoreChanged(manager, [updated], now, actor.id);
        await this.spellings.record(manager, [{ ...fields, id }]);
        return this.present(manager, (await this.leads.findById(manager, id)) as LeadEntity);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppError.conflict(`Another lead already has the e-mail ${String(input.email)}.`);
      throw error;
    }
  }

  async list(actor: AuthMember, args: LeadsArgs): Promise<LeadConnection> {
    if (args.filter?.ownerId && args.filter.unassigned)
      throw AppError.badInput('filter: a lead has an owner or is unassigned, not both', [
        { field: 'filter.unassigned', message: 'cannot be true together with ownerId' },
      ]);
    const after: LeadCursor | null = args.after ? this.cursor(args.after, args.sort) : null;
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const versionId = await this.scoring.pointer(manager, null);
      const page = await this.leads.page(manager, {
        versionId,
        filter: args.filter ?? {},
        sort: args.sort,
        first: args.first,
        after,
      });
      const numbers = await this.versionNumbers(manager, versionId ? [versionId] : []);
      const edges = page.rows.map(({ lead, evaluation }) => ({
        cursor: encodeCursor([sortValue(args.sort, lead, evaluation), lead.id]),
        node: toLead(lead, evaluation, numbers),
      }));
      return {
        edges,
        pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: page.hasNextPage },
        totalCount: page.totalCount,
      };
    });
  }

  async detail(actor: AuthMember, id: string): Promise<LeadDetail> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const lead = await this.leads.findById(manager, id);
      if (!lead) throw AppError.notFound('No such lead in this workspace.');
      const versionId = await this.scoring.pointer(manager, null);
      const evaluation = versionId ? await this.leads.findEvaluation(manager, id, versionId) : null;
      const [signals, transitions] = await Promise.all([
        this.leads.recentSignals(manager, id, 100),
        this.leads.transitions(manager, id),
      ]);
      const numbers = await this.versionNumbers(manager, [
        ...(versionId ? [versionId] : []),
        ...transitions.flatMap((transition) => (transition.versionId ? [transition.versionId] : [])),
      ]);
      return {
        lead: toLead(lead, evaluation, numbers),
        explanation: evaluation ? await this.explain(manager, lead, evaluation) : null,
        signals: signals.map(({ externalId, type, occurredAt, source }) => ({
          externalId,
          type,
          occurredAt,
          source,
        })),
        transitions: transitions.map((transition) => ({
          fromStage: transition.fromStage,
          toStage: transition.toStage,
          versionNumber: transition.versionId ? (numbers.get(transition.versionId) ?? null) : null,
          reason: transition.reason,
          at: transition.at,
        })),
      };
    });
  }

  async scoringStatus(actor: AuthMember): Promise<ScoringStatus> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const versionId = await this.scoring.pointer(manager, null);
      const run = await this.scoring.latestRun(manager);
      const numbers = await this.versionNumbers(manager, [
        ...(versionId ? [versionId] : []),
        ...(run ? [run.versionId] : []),
      ]);
      return {
        scoredVersionNumber: versionId ? (numbers.get(versionId) ?? null) : null,
        latestRun: run ? { ...run, versionNumber: numbers.get(run.versionId) ?? 0 } : null,
      };
    });
  }

  recordSignal(actor: AuthMember, input: RecordSignalInput): Promise<IngestReport> {
    const event = {
      externalId: input.externalId ?? randomUUID(),
      type: input.type,
      occurredAt: input.occurredAt instanceof Date ? input.occurredAt.toISOString() : input.occurredAt,
      lead: { id: input.leadId },
      source: input.source ?? 'web app',
    };
    return this.ingestion.ingest({ workspaceId: actor.workspaceId }, [event], this.clock.now(), 'now');
  }

  private async present(manager: EntityManager, lead: LeadEntity): Promise<Lead> {
    const versionId = await this.scoring.pointer(manager, null);
    const evaluation = versionId ? await this.leads.findEvaluation(manager, lead.id, versionId) : null;
    return toLead(lead, evaluation, await this.versionNumbers(manager, versionId ? [versionId] : []));
  }

  /** Replays the evaluation at its own instant: the same inputs and version give the same explanation. */
  private async explain(
    manager: EntityManager,
    lead: LeadEntity,
    stored: LeadEvaluationEntity,
  ): Promise<LeadExplanation> {
    const document = await this.scorer.document(manager, stored.versionId);
    const evaluation = evaluate(lead, { id: stored.versionId, document }, stored.evaluatedAt);
    return {
      summary: explanationSummary(evaluation),
      fit: evaluation.fit.contributions.map((item) => ({
        ...item,
        counted: null,
        overCap: null,
        decayed: null,
      })),
      fitAdjustment: evaluation.fit.adjustment,
      intent: evaluation.intent.contributions.map((item) => ({ ...item, key: item.type })),
      intentAdjustment: evaluation.intent.adjustment,
      unknownSignalTypes: evaluation.intent.unknownTypes,
      activity: evaluation.intent.activity,
    };
  }

  private parse(input: object): LeadFields {
    // The owner is not a lead field: it is checked against the members, not the lead rules.
    const fields = Object.entries(input as Record<string, unknown>).filter(
      ([name, value]) => name !== 'ownerId' && value !== undefined,
    );
    const result = parseLeadFields(Object.fromEntries(fields));
    if (result.ok) return result.lead;
    const problems = result.issues.map((issue) => ({ field: issue.path || 'input', message: issue.message }));
    throw AppError.badInput(
      problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      problems,
    );
  }

  private async checkOwner(manager: EntityManager, ownerId: string | null): Promise<string | null> {
    if (!ownerId) return null;
    // Not an id at all is the same mistake as a stranger's id, and must not reach the uuid column as one.
    const rows: unknown[] = isUUID(ownerId)
      ? await manager.query(`SELECT 1 FROM members WHERE id = $1 AND status = 'ACTIVE'`, [ownerId])
      : [];
    if (rows.length === 0) {
      throw AppError.badInput('ownerId: not an active member of this workspace', [
        { field: 'ownerId', message: 'not an active member of this workspace' },
      ]);
    }
    return ownerId;
  }

  private async versionNumbers(manager: EntityManager, ids: readonly string[]): Promise<Map<string, number>> {
    const numbers = new Map<string, number>();
    for (const id of new Set(ids)) {
      const version = await this.agreements.findById(manager, id);
      if (version) numbers.set(id, version.number);
    }
    return numbers;
  }

  /** A cursor of the same sort: a NEWEST cursor holds an instant, the others a score. */
  private cursor(after: string, sort: LeadsArgs['sort']): LeadCursor {
    const [value, id] = decodeCursor(after, [sort === 'NEWEST' ? 'instant' : 'number', 'uuid']);
    return { value, id };
  }
}

function sortValue(
  sort: LeadsArgs['sort'],
  lead: LeadEntity,
  evaluation: LeadEvaluationEntity | null,
): number | string {
  if (sort === 'NEWEST') return lead.createdAt.toISOString();
  if (sort === 'INTENT') return evaluation?.intentScore ?? -1;
  return evaluation?.fitScore ?? -1;
}

function toEvaluation(evaluation: LeadEvaluationEntity, numbers: Map<string, number>): LeadEvaluation {
  return {
    versionId: evaluation.versionId,
    versionNumber: numbers.get(evaluation.versionId) ?? 0,
    fitScore: evaluation.fitScore,
    grade: evaluation.grade,
    intentScore: evaluation.intentScore,
    temperature: evaluation.temperature,
    outcome: evaluation.outcome,
    evaluatedAt: evaluation.evaluatedAt,
  };
}

export function toLead(
  lead: LeadEntity,
  evaluation: LeadEvaluationEntity | null,
  numbers: Map<string, number>,
): Lead {
  return {
    ...lead,
    evaluation: evaluation ? toEvaluation(evaluation, numbers) : null,
  };
}

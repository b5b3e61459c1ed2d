import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';

import type { Grade, MatrixOutcome, Temperature } from '@accord/domain/agreement';
import type {
  CompanyFacts,
  LeadFields,
  LifecycleStage,
  SignalEvent,
  SignalSummary,
} from '@accord/domain/leads';

import { LeadEvaluationEntity } from './lead-evaluation.entity';
import { LeadTransitionEntity } from './lead-transition.entity';
import { LeadEntity } from './lead.entity';
import { shareScoringLock } from './scoring-state.repository';
import { SignalEntity } from './signal.entity';

export interface EvaluationRow {
  leadId: string;
  versionId: string;
  fitScore: number;
  grade: Grade;
  intentScore: number;
  temperature: Temperature;
  outcome: MatrixOutcome;
  evaluatedAt: Date;
}

export interface TransitionRow {
  leadId: string;
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage;
  versionId: string | null;
  actorId: string | null;
  reason: string;
  at: Date;
  /** Set for a move into MQL that must open no handover (imported history): the handover job skips it. */
  handoverCheckedAt?: Date | null;
}

export interface LeadFilter {
  grade?: Grade | null;
  temperature?: Temperature | null;
  stage?: LifecycleStage | null;
  ownerId?: string | null;
  /** Only the leads no one owns. */
  unassigned?: boolean | null;
  search?: string | null;
}

export type LeadSort = 'FIT' | 'INTENT' | 'NEWEST';

/** What scoring reads of a lead, and what moving its stage needs. */
export type LeadForScoring = Pick<
  LeadEntity,
  | 'id'
  | 'email'
  | 'title'
  | 'seniority'
  | 'department'
  | 'budgetAuthority'
  | 'employeeCount'
  | 'annualRevenue'
  | 'industry'
  | 'country'
  | 'technologies'
  | 'signalSummary'
  | 'stage'
  | 'recycleUntil'
>;

/** Position in a sorted leads list: the sort value and the id. */
export interface LeadCursor {
  value: number | string;
  id: string;
}

export interface LeadWithEvaluation {
  lead: LeadEntity;
  evaluation: LeadEvaluationEntity | null;
}

const SORT_COLUMN: Record<LeadSort, string> = {
  FIT: 'coalesce(e.fit_score, -1)',
  INTENT: 'coalesce(e.intent_score, -1)',
  NEWEST: 'l.created_at',
};

/** Leads, their evaluations, transitions and signals. Every method runs in the caller's tenant transaction. */
@Injectable()
export class LeadsRepository {
  findById(manager: EntityManager, id: string): Promise<LeadEntity | null> {
    return manager.findOneBy(LeadEntity, { id });
  }

  /**
   * Locks the leads in id order (so concurrent writers cannot deadlock) and returns them — after the scoring lock,
   * shared, as every lead lock here is taken (see shareScoringLock).
   */
  async lockByIds(manager: EntityManager, ids: readonly string[]): Promise<LeadEntity[]> {
    if (ids.length === 0) return [];
    await shareScoringLock(manager);
    return manager
      .createQueryBuilder(LeadEntity, 'lead')
      .where('lead.id IN (:...ids)', { ids: [...new Set(ids)] })
      .orderBy('lead.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * Locks the leads in id order, like lockByIds, reading only what scoring needs: the applier and the rescore
   * lock thousands at a time, where building whole entities costs more than the lock.
   */
  async lockForScoring(manager: EntityManager, ids: readonly string[]): Promise<LeadForScoring[]> {
    if (ids.length === 0) return [];
    await shareScoringLock(manager);
    return this.forScoring(manager, ids, 'FOR UPDATE');
  }

  /** The leads' grades under the version they are scored by (none for a lead not scored yet). */
  async gradesInForce(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows: { lead_id: string; grade: string }[] = await manager.query(
      `SELECT e.lead_id, e.grade FROM lead_evaluations e JOIN workspace_scoring w ON e.version_id = w.version_id
        WHERE e.lead_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.lead_id, row.grade]));
  }

  /**
   * What scoring needs of the leads, as last committed, without locking them: for a rescore's final flip, which
   * holds the workspace's scoring lock (see ScoringStateRepository.lockForFlip). A writer may hold one of these
   * leads while it waits for that lock to score it; it scores again under the new version once the flip commits,
   * so the flip need not wait for it — and must not, or the two would wait for each other.
   */
  readForScoring(manager: EntityManager, ids: readonly string[]): Promise<LeadForScoring[]> {
    return this.forScoring(manager, ids, '');
  }

  private async forScoring(
    manager: EntityManager,
    ids: readonly string[],
    lock: 'FOR UPDATE' | '',
  ): Promise<LeadForScoring[]> {
    if (ids.length === 0) return [];
    return manager.query(
      `SELECT id, email, title, seniority, department, budget_authority AS "budgetAuthority",
              employee_count AS "employeeCount", annual_revenue AS "annualRevenue", industry, country,
              technologies, signal_summary AS "signalSummary", stage, recycle_until AS "recycleUntil"
         FROM leads WHERE id = ANY($1::uuid[]) ORDER BY id ${lock}`,
      [[...new Set(ids)]],
    );
  }

  /**
   * Locks the leads of these e-mails in e-mail order, so that writers upserting overlapping e-mails cannot
   * deadlock, and returns them.
   */
  async lockByEmails(manager: EntityManager, emails: readonly string[]): Promise<LeadEntity[]> {
    if (emails.length === 0) return [];
    await shareScoringLock(manager);
    return manager
      .createQueryBuilder(LeadEntity, 'lead')
      .where('lead.email IN (:...emails)', { emails: [...new Set(emails)] })
      .orderBy('lead.email')
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * Inserts the leads (in e-mail order) whose e-mail no lead has; returns the ids inserted. A lead another
   * transaction inserted meanwhile is skipped (ON CONFLICT DO NOTHING waits for that transaction to commit), for
   * the caller to lock and update instead of failing on the unique index.
   */
  async insertNew(
    manager: EntityManager,
    leads: readonly (LeadFields & { workspaceId: string; id: string; ownerId: string | null })[],
    at: Date,
  ): Promise<Set<string>> {
    if (leads.length === 0) return new Set();
    const rows = [...leads]
      .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))
      .map((lead) => ({ ...lead, createdAt: at, updatedAt: at, stageChangedAt: at }));
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(LeadEntity)
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    return new Set((result.raw as { id: string }[]).map((row) => row.id));
  }

  /**
   * What the workspace knows of each company domain, from its leads there: each fact the latest lead to give it
   * (by last update) says. A domain no lead has is absent. One index probe per fact and domain (leads by domain).
   */
  async companyFacts(manager: EntityManager, domains: readonly string[]): Promise<Map<string, CompanyFacts>> {
    const wanted = [...new Set(domains)];
    if (wanted.length === 0) return new Map();
    const latest = (column: string, known = `${column} IS NOT NULL`) =>
      `(SELECT ${column} FROM leads WHERE company_domain = d.domain AND ${known} ORDER BY updated_at DESC LIMIT 1)`;
    const rows: (CompanyFacts & { domain: string })[] = await manager.query(
      `SELECT d.domain,
              ${latest('company_name')} AS "companyName",
              ${latest('employee_count')} AS "employeeCount",
              ${latest('annual_revenue')} AS "annualRevenue",
              ${latest('industry')} AS industry,
              ${latest('country')} AS country,
              ${latest('technologies', 'cardinality(technologies) > 0')} AS technologies
         FROM unnest($1::text[]) AS d(domain)
        WHERE EXISTS (SELECT 1 FROM leads WHERE company_domain = d.domain)`,
      [wanted],
    );
    return new Map(
      rows.map(({ domain, ...facts }) => [domain, { ...facts, technologies: facts.technologies ?? [] }]),
    );
  }

  findByEmail(manager: EntityManager, email: string): Promise<LeadEntity | null> {
    return manager.findOneBy(LeadEntity, { email });
  }

  async insert(
    manager: EntityManager,
    lead: LeadFields & { workspaceId: string; id: string; ownerId: string | null; at: Date },
  ): Promise<LeadEntity> {
    const { at, ...fields } = lead;
    await manager.insert(LeadEntity, { ...fields, createdAt: at, updatedAt: at, stageChangedAt: at });
    return (await this.findById(manager, lead.id)) as LeadEntity;
  }

  async update(
    manager: EntityManager,
    id: string,
    fields: Partial<LeadFields> & { ownerId?: string | null },
    at: Date,
  ): Promise<void> {
    await manager.update(LeadEntity, { id }, { ...fields, updatedAt: at });
  }

  async saveSignalSummaries(
    manager: EntityManager,
    changes: readonly { id: string; summary: SignalSummary; added: number; lastSignalAt: Date }[],
    at: Date,
  ): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `UPDATE leads AS l
          SET signal_summary = c.summary, signal_count = l.signal_count + c.added,
              last_signal_at = greatest(l.last_signal_at, c.last_signal_at), updated_at = $5
         FROM unnest($1::uuid[], $2::jsonb[], $3::int[], $4::timestamptz[]) AS c(id, summary, added, last_signal_at)
        WHERE l.id = c.id`,
      [
        changes.map((change) => change.id),
        changes.map((change) => JSON.stringify(change.summary)),
        changes.map((change) => change.added),
        changes.map((change) => change.lastSignalAt),
        at,
      ],
    );
  }

  /** Moves leads to new stages in one statement. */
  async setStages(
    manager: EntityManager,
    moves: readonly { id: string; stage: LifecycleStage }[],
    at: Date,
  ): Promise<void> {
    if (moves.length === 0) return;
    await manager.query(
      `UPDATE leads l SET stage = m.stage, stage_changed_at = $3
         FROM unnest($1::uuid[], $2::text[]) AS m(id, stage) WHERE l.id = m.id`,
      [moves.map((move) => move.id), moves.map((move) => move.stage), at],
    );
  }

  /**
   * Moves one lead out of the stage the caller expects it in, and records the transition; false (and no change)
   * when the lead is in another stage by now. A move into NURTURE may set when the lead may be handed over again.
   */
  async moveStage(
    manager: EntityManager,
    move: TransitionRow & { fromStage: LifecycleStage; recycleUntil?: Date | null },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH moved AS (
         UPDATE leads SET stage = $3, stage_changed_at = $7,
                recycle_until = CASE WHEN $8::boolean THEN $9::timestamptz ELSE recycle_until END
          WHERE id = $1 AND stage = $2 RETURNING id)
       INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, actor_id, reason, at)
       SELECT accord_current_workspace(), id, $2, $3, $4, $5, $6, $7 FROM moved RETURNING 1`,
      [
        move.leadId,
        move.fromStage,
        move.toStage,
        move.versionId,
        move.actorId,
        move.reason,
        move.at,
        move.recycleUntil !== undefined,
        move.recycleUntil ?? null,
      ],
    );
    return rows.length > 0;
  }

  /** Gives leads their (handover) owners; a lead's owner is whoever in sales works it now. */
  async assignOwners(
    manager: EntityManager,
    owners: readonly { id: string; ownerId: string }[],
  ): Promise<void> {
    if (owners.length === 0) return;
    await manager.query(
      `UPDATE leads l SET owner_id = o.owner_id FROM unnest($1::uuid[], $2::uuid[]) AS o(id, owner_id)
        WHERE l.id = o.id AND l.owner_id IS DISTINCT FROM o.owner_id`,
      [owners.map((owner) => owner.id), owners.map((owner) => owner.ownerId)],
    );
  }

  async upsertEvaluations(manager: EntityManager, rows: readonly EvaluationRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO lead_evaluations (workspace_id, version_id, lead_id, fit_score, grade, intent_score, temperature, outcome, evaluated_at)
       SELECT accord_current_workspace(), r.version_id, r.lead_id, r.fit_score, r.grade, r.intent_score, r.temperature, r.outcome, r.evaluated_at
         FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::timestamptz[])
              AS r(version_id, lead_id, fit_score, grade, intent_score, temperature, outcome, evaluated_at)
       ON CONFLICT (workspace_id, version_id, lead_id) DO UPDATE
          SET fit_score = excluded.fit_score, grade = excluded.grade, intent_score = excluded.intent_score,
              temperature = excluded.temperature, outcome = excluded.outcome, evaluated_at = excluded.evaluated_at`,
      [
        rows.map((row) => row.versionId),
        rows.map((row) => row.leadId),
        rows.map((row) => row.fitScore),
        rows.map((row) => row.grade),
        rows.map((row) => row.intentScore),
        rows.map((row) => row.temperature),
        rows.map((row) => row.outcome),
        rows.map((row) => row.evaluatedAt),
      ],
    );
  }

  findEvaluation(
    manager: EntityManager,
    leadId: string,
    versionId: string,
  ): Promise<LeadEvaluationEntity | null> {
    return manager.findOneBy(LeadEvaluationEntity, { leadId, versionId });
  }

  async insertTransitions(manager: EntityManager, rows: readonly TransitionRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, actor_id, reason, at,
                                     handover_checked_at)
       SELECT accord_current_workspace(), t.lead_id, t.from_stage, t.to_stage, t.version_id, t.actor_id, t.reason, t.at,
              t.handover_checked_at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[],
                     $8::timestamptz[])
              AS t(lead_id, from_stage, to_stage, version_id, actor_id, reason, at, handover_checked_at)`,
      [
        rows.map((row) => row.leadId),
        rows.map((row) => row.fromStage),
        rows.map((row) => row.toStage),
        rows.map((row) => row.versionId),
        rows.map((row) => row.actorId),
        rows.map((row) => row.reason),
        rows.map((row) => row.at),
        rows.map((row) => row.handoverCheckedAt ?? null),
      ],
    );
  }

  transitions(manager: EntityManager, leadId: string): Promise<LeadTransitionEntity[]> {
    return manager.find(LeadTransitionEntity, { where: { leadId }, order: { id: 'DESC' }, take: 200 });
  }

  /**
   * Matches each signal to its lead — by id, else by e-mail, else the oldest lead of the company domain — and
   * stores those not seen before, queueing each stored one in the inbox for the applier (accord_store_signals).
   * With a key hash the statement authenticates the API key and scopes itself to its workspace, so it needs no
   * transaction around it: one round trip. Returns the workspace and, per input position, the lead matched (null:
   * none) and whether the signal was new; null when the key is wrong or revoked.
   */
  /** The workspace's leads with one of these ids or e-mails, for telling whether an event's two names agree. */
  leadsByIdOrEmail(
    manager: EntityManager,
    ids: readonly string[],
    emails: readonly string[],
  ): Promise<{ id: string; email: string }[]> {
    return manager.query(
      `SELECT id, email FROM leads WHERE id = ANY($1::uuid[]) OR email = ANY($2::text[])`,
      [ids, emails],
    );
  }

  async storeSignals(
    manager: EntityManager,
    keyHash: string | null,
    signals: readonly SignalEvent[],
    receivedAt: Date,
  ): Promise<{ workspaceId: string; results: { leadId: string | null; stored: boolean }[] } | null> {
    const rows: { workspace_id: string; lead_id: string | null; stored: boolean }[] = await manager.query(
      `SELECT workspace_id, lead_id, stored
         FROM accord_store_signals($1, $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9)`,
      [
        keyHash,
        signals.map((signal) => signal.externalId),
        signals.map((signal) => signal.type),
        signals.map((signal) => signal.occurredAt),
        signals.map((signal) => signal.source),
        signals.map((signal) => signal.lead.id ?? null),
        signals.map((signal) => signal.lead.email ?? null),
        signals.map((signal) => signal.lead.companyDomain ?? null),
        receivedAt,
      ],
    );
    if (rows.length === 0) return null;
    return {
      workspaceId: rows[0].workspace_id,
      results: rows.map((row) => ({ leadId: row.lead_id, stored: row.stored })),
    };
  }

  /**
   * Takes up to `limit` signals from the inbox after `afterId`, oldest first, skipping rows another applier
   * holds. They leave the inbox when the caller's transaction commits, and only then. Starting after the last
   * id taken spares the index scan the entries of rows deleted moments ago.
   */
  async takeFromInbox(
    manager: EntityManager,
    limit: number,
    afterId: string,
  ): Promise<{ id: string; lead_id: string; type: string; occurred_at: Date }[]> {
    // TypeORM answers a DELETE … RETURNING with [rows, affected count].
    const [rows]: [{ id: string; lead_id: string; type: string; occurred_at: Date }[], number] =
      await manager.query(
        `DELETE FROM signal_inbox WHERE (workspace_id, id) IN (
           SELECT workspace_id, id FROM signal_inbox WHERE id > $2 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, lead_id, type, occurred_at`,
        [limit, afterId],
      );
    return rows;
  }

  /** Under the system scope: workspaces with recycled leads whose recycle period has ended. */
  async workspacesWithRecycleDue(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows: { workspace_id: string }[] = await manager.query(
      `SELECT DISTINCT workspace_id FROM leads
        WHERE stage = 'NURTURE' AND recycle_until IS NOT NULL AND recycle_until <= $1 LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.workspace_id);
  }

  /**
   * Locks up to `limit` of the workspace's recycled leads whose period has ended, skipping those another sweep
   * holds, for scoring.
   */
  async lockRecycleDue(manager: EntityManager, now: Date, limit: number): Promise<LeadForScoring[]> {
    await shareScoringLock(manager);
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM leads WHERE stage = 'NURTURE' AND recycle_until IS NOT NULL AND recycle_until <= $1
        ORDER BY recycle_until LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    // Its scoring lock is already taken, above.
    return rows.length
      ? this.forScoring(
          manager,
          rows.map((row) => row.id),
          'FOR UPDATE',
        )
      : [];
  }

  /** The leads' recycle periods are over: they are plain nurture leads, eligible whenever they qualify. */
  async endRecycle(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query(`UPDATE leads SET recycle_until = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Under the system scope: workspaces with signals waiting in the inbox. */
  async workspacesWithInbox(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: { workspace_id: string }[] = await manager.query(
      `SELECT DISTINCT workspace_id FROM signal_inbox LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.workspace_id);
  }

  recentSignals(manager: EntityManager, leadId: string, limit: number): Promise<SignalEntity[]> {
    return manager.find(SignalEntity, { where: { leadId }, order: { occurredAt: 'DESC' }, take: limit });
  }

  /** One page of leads with their evaluation under `versionId`, filtered and sorted. */
  async page(
    manager: EntityManager,
    options: {
      versionId: string | null;
      filter: LeadFilter;
      sort: LeadSort;
      first: number;
      after: LeadCursor | null;
    },
  ): Promise<{ rows: LeadWithEvaluation[]; hasNextPage: boolean; totalCount: number }> {
    const where: string[] = [];
    const params: unknown[] = [options.versionId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const { filter } = options;
    if (filter.grade) add('e.grade = ?', filter.grade);
    if (filter.temperature) add('e.temperature = ?', filter.temperature);
    if (filter.stage) add('l.stage = ?', filter.stage);
    if (filter.ownerId) add('l.owner_id = ?', filter.ownerId);
    if (filter.unassigned) where.push('l.owner_id IS NULL');
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add(
        // The name as a person types it ("Noah Schmidt"), which also finds a first or a last name alone.
        `(l.email ILIKE ? OR l.company_name ILIKE $${params.length + 1}
          OR concat_ws(' ', l.first_name, l.last_name) ILIKE $${params.length + 1})`,
        pattern,
      );
    }
    const filterSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const sort = SORT_COLUMN[options.sort];
    const pageWhere = [...where];
    const pageParams = [...params];
    if (options.after) {
      pageParams.push(options.after.value, options.after.id);
      pageWhere.push(`(${sort}, l.id) < ($${pageParams.length - 1}, $${pageParams.length}::uuid)`);
    }
    pageParams.push(options.first + 1);
    const from = `FROM leads l LEFT JOIN lead_evaluations e ON e.version_id = $1 AND e.lead_id = l.id`;
    const pageRows: Promise<{ lead_id: string }[]> = manager.query(
      `SELECT l.id AS lead_id ${from}
        ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
        ORDER BY ${sort} DESC, l.id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    const counted: Promise<{ count: number }[]> = manager.query(
      `SELECT count(*)::int AS count ${from} ${filterSql}`,
      params,
    );
    const [rows, [{ count }]] = [await pageRows, await counted];
    const ids = rows.slice(0, options.first).map((row) => row.lead_id);
    const [leads, evaluations] = await Promise.all([
      ids.length ? manager.findBy(LeadEntity, { id: In(ids) }) : Promise.resolve([]),
      ids.length && options.versionId
        ? manager
            .createQueryBuilder(LeadEvaluationEntity, 'e')
            .where('e.version_id = :versionId AND e.lead_id IN (:...ids)', {
              versionId: options.versionId,
              ids,
            })
            .getMany()
        : Promise.resolve([]),
    ]);
    const leadById = new Map(leads.map((lead) => [lead.id, lead]));
    const evaluationById = new Map(evaluations.map((evaluation) => [evaluation.leadId, evaluation]));
    return {
      rows: ids.map((id) => ({
        lead: leadById.get(id) as LeadEntity,
        evaluation: evaluationById.get(id) ?? null,
      })),
      hasNextPage: rows.length > options.first,
      totalCount: count,
    };
  }
}

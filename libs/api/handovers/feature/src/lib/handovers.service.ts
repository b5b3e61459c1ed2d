import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  AgreementsRepository,
  PublishedDocuments,
  PublishedVersion,
} from '@accord/api/agreements/data-access';
import {
  HandoverEntity,
  HandoversRepository,
  QueueCursor,
  QueueFilter,
  QueueRow,
  pageFingerprint,
} from '@accord/api/handovers/data-access';
import { LeadsRepository } from '@accord/api/leads/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError, decodeCursor, encodeCursor } from '@accord/api/shared/graphql';
import {
  Decision,
  NOTE_MAX_LENGTH,
  checkDecision,
  checkReassign,
  decidedWithinSla,
  decisionOutcome,
  isSalesManager,
} from '@accord/domain/handover';
import { zonedMinute } from '@accord/domain/pipeline';

import { HandoverQueueArgs, ReassignHandoverArgs, RejectionFeedbackArgs } from './dto/handover.inputs';
import { HandoverEvents } from './handover-events';
import { presentHandover } from './handover-presenter';
import { Handover, HandoverQueue, HandoverWithHistory, RejectionFeedback } from './models/handover.model';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

/**
 * Sales' side of the handover: the queue, one decision per handover (accept, or reject with one of the
 * version's reasons and its consequence), reassignment by managers, and the SQL checklist after acceptance.
 */
@Injectable()
export class HandoversService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly handovers: HandoversRepository,
    private readonly leads: LeadsRepository,
    private readonly published: PublishedDocuments,
    private readonly agreements: AgreementsRepository,
    private readonly events: HandoverEvents,
    private readonly clock: Clock,
  ) {}

  async queue(actor: AuthMember, args: HandoverQueueArgs): Promise<HandoverQueue> {
    const filter = this.queueFilter(actor, args);
    const after = args.after ? this.cursor(args.after, args.view) : null;
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const rows = await this.handovers.queue(manager, filter, after, args.first + 1);
      const page = rows.slice(0, args.first);
      const nodes = await this.present(manager, page);
      const versions = new Map(
        nodes.map((node) => [
          node.versionId,
          { id: node.versionId, number: node.versionNumber, rejectionReasons: node.rejectionReasons },
        ]),
      );
      const edges = page.map((row, index) => ({
        cursor: this.cursorOf(row.handover, args.view),
        node: nodes[index],
      }));
      return {
        edges,
        pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > args.first },
        versions: [...versions.values()],
        counts: once(() =>
          this.tenantDb.inWorkspace(actor.workspaceId, (counting) => this.handovers.counts(counting, filter)),
        ),
        fingerprint: pageFingerprint(rows),
      };
    });
  }

  /** The fingerprint of the page `queue` would answer now, in one statement that reads no page. */
  queueFingerprint(actor: AuthMember, args: HandoverQueueArgs): Promise<string> {
    const filter = this.queueFilter(actor, args);
    const after = args.after ? this.cursor(args.after, args.view) : null;
    return this.tenantDb.scopedStatement(actor.workspaceId, (standalone) =>
      this.handovers.queueFingerprint(standalone, actor.workspaceId, filter, after, args.first + 1),
    );
  }

  async detail(actor: AuthMember, id: string): Promise<HandoverWithHistory> {
    return this.tenantDb.inWorkspace(actor.workspaceId, (manager) => this.withHistory(manager, id));
  }

  /** The lead's handovers, newest first, each with its history: the lead page's handover section. */
  async forLead(actor: AuthMember, leadId: string): Promise<HandoverWithHistory[]> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const handovers = await this.handovers.forLead(manager, leadId);
      return Promise.all(handovers.map((handover) => this.withHistory(manager, handover.id)));
    });
  }

  accept(actor: AuthMember, id: string): Promise<HandoverWithHistory> {
    return this.decide(actor, id, { kind: 'ACCEPT' });
  }

  reject(
    actor: AuthMember,
    id: string,
    reasonKey: string,
    note: string | null,
  ): Promise<HandoverWithHistory> {
    return this.decide(actor, id, { kind: 'REJECT', reasonKey, note: note?.trim() || null });
  }

  /**
   * Takes the decision once: the handover row is locked, so of several people deciding at once the first
   * commits and the others find it decided and get a CONFLICT naming that decision.
   */
  private async decide(actor: AuthMember, id: string, decision: Decision): Promise<HandoverWithHistory> {
    const now = this.clock.now();
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const handover = await this.handovers.lock(manager, id);
      if (!handover) throw AppError.notFound('No such handover in this workspace.');
      const version = await this.published.version(manager, handover.versionId);
      const reasons = version.document.rejectionReasons;
      const problem = checkDecision(handover, actor, decision, reasons);
      if (problem === 'ALREADY_DECIDED') throw await this.alreadyDecided(manager, handover);
      if (problem === 'NOT_YOURS') {
        // Named, since a rep meets this mostly on a stale queue: a manager gave the handover to someone else.
        const owner =
          handover.ownerId && (await this.memberNames(manager, [handover.ownerId])).get(handover.ownerId);
        throw AppError.forbidden(
          owner
            ? `This handover is now assigned to ${owner}; only they or a sales manager decide it.`
            : "This handover is in the team's unassigned queue; a sales manager decides it or gives it to someone.",
        );
      }
      if (problem === 'UNKNOWN_REASON') {
        const keys = `must be one of ${reasons.map((reason) => reason.key).join(', ')}`;
        throw AppError.badInput(`reasonKey: not a rejection reason of version ${version.number}; ${keys}`, [
          { field: 'reasonKey', message: keys },
        ]);
      }
      if (problem === 'NOTE_TOO_LONG')
        throw AppError.badInput('note: too long', [
          { field: 'note', message: `must be at most ${NOTE_MAX_LENGTH.toLocaleString('en-US')} characters` },
        ]);
      if (problem === 'NOTE_HAS_CONTROL_CHARACTERS')
        throw AppError.badInput('note: must not contain control characters', [
          { field: 'note', message: 'must not contain control characters' },
        ]);
      const outcome = decisionOutcome(decision, reasons, now);
      const withinSla = decidedWithinSla(now, handover.dueAt);
      const note = decision.kind === 'REJECT' ? decision.note : null;
      // A manager accepting a handover nobody owns (its rep was deactivated) takes it, and its lead: sales work an
      // accepted lead from here on, and one left with no owner would be nobody's to qualify.
      const takesOver = decision.kind === 'ACCEPT' && handover.ownerId === null;
      const decided = {
        ownerId: takesOver ? actor.id : handover.ownerId,
        status: outcome.status,
        decidedAt: now,
        decidedBy: actor.id,
        withinSla,
        reasonKey: outcome.reason?.key ?? null,
        reasonLabel: outcome.reason?.label ?? null,
        note,
      };
      await this.handovers.decide(manager, id, decided);
      if (takesOver) await this.leads.assignOwners(manager, [{ id: handover.leadId, ownerId: actor.id }]);
      const what = outcome.reason ? `rejected: ${outcome.reason.label}` : 'accepted';
      const moved = await this.leads.moveStage(manager, {
        leadId: handover.leadId,
        fromStage: 'MQL',
        toStage: outcome.stage,
        versionId: handover.versionId,
        actorId: actor.id,
        reason: `handover ${what}`.slice(0, 200),
        at: now,
        ...(outcome.stage === 'NURTURE' ? { recycleUntil: outcome.recycleUntil } : {}),
      });
      if (!moved)
        throw AppError.conflict('The lead is no longer an MQL, so this handover cannot be decided.');
      await this.events.decided(
        manager,
        { ...handover, ...decided },
        actor.id,
        `${what}${withinSla ? '' : ' (after the due time)'}`,
        now,
      );
      return this.withHistory(manager, id);
    });
  }

  private async alreadyDecided(manager: EntityManager, handover: HandoverEntity): Promise<AppError> {
    const names = await this.memberNames(manager, [handover.decidedBy]);
    const by = (handover.decidedBy && names.get(handover.decidedBy)) ?? 'someone';
    const what = handover.status === 'ACCEPTED' ? 'accepted' : `rejected (${handover.reasonLabel ?? ''})`;
    // On the workspace's clock, as the queue writes times ("28 Nov 2026, 01:08 Europe/Berlin"); the details keep
    // the instant for programs.
    const timeZone = await this.agreements.timeZone(manager);
    const at = handover.decidedAt
      ? ` at ${zonedMinute(handover.decidedAt.toISOString(), timeZone)} ${timeZone}`
      : '';
    return AppError.conflict(`This handover was already ${what} by ${by}${at}.`, {
      status: handover.status,
      decidedBy: handover.decidedBy,
      decidedAt: handover.decidedAt?.toISOString() ?? null,
      reasonKey: handover.reasonKey,
    });
  }

  /** Managers move a handover to another member of sales; the due time does not move with it. */
  async reassign(actor: AuthMember, args: ReassignHandoverArgs): Promise<HandoverWithHistory> {
    const now = this.clock.now();
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      // The new owner's row is share-locked before the handover's: deactivating a member locks members (the
      // admins', theirs) before their handovers, and taking the two in the other order here deadlocked with it.
      const ownerIsActive = await this.handovers.isActiveSalesMember(manager, args.ownerId);
      const handover = await this.handovers.lock(manager, args.id);
      if (!handover) throw AppError.notFound('No such handover in this workspace.');
      const problem = checkReassign(handover, actor, args.ownerId);
      if (problem === 'ALREADY_DECIDED') throw await this.alreadyDecided(manager, handover);
      if (problem === 'NOT_A_MANAGER') throw AppError.forbidden('Only sales managers reassign handovers.');
      if (problem === 'SAME_OWNER')
        throw AppError.conflict('The handover is already assigned to this member.');
      if (!ownerIsActive)
        throw AppError.badInput('ownerId: not an active sales member of this workspace', [
          { field: 'ownerId', message: 'must be an active member with the SALES role' },
        ]);
      await this.handovers.reassign(manager, handover.id, args.ownerId);
      await this.leads.assignOwners(manager, [{ id: handover.leadId, ownerId: args.ownerId }]);
      const names = await this.memberNames(manager, [args.ownerId]);
      await this.events.reassigned(
        manager,
        { ...handover, ownerId: args.ownerId },
        actor.id,
        names.get(args.ownerId) ?? 'another member',
        now,
      );
      return this.withHistory(manager, handover.id);
    });
  }

  async rejectionFeedback(actor: AuthMember, args: RejectionFeedbackArgs): Promise<RejectionFeedback[]> {
    return this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.handovers.rejectionsBy(
        manager,
        args.groupBy === 'SOURCE' ? 'source' : 'campaign',
        args.since ?? null,
      ),
    );
  }

  private async withHistory(manager: EntityManager, id: string): Promise<HandoverWithHistory> {
    const [row] = await this.handovers.queueRowsByIds(manager, [id]);
    if (!row) throw AppError.notFound('No such handover in this workspace.');
    const [node] = await this.present(manager, [row]);
    const events = await this.handovers.events(manager, [id]);
    return {
      ...node,
      events: events.map((event) => ({
        kind: event.kind,
        actor: event.actorId ? { id: event.actorId, name: event.actorName ?? '' } : null,
        owner: event.ownerId ? { id: event.ownerId, name: event.ownerName ?? '' } : null,
        versionId: event.versionId,
        detail: event.detail,
        at: event.at,
      })),
    };
  }

  /** Maps queue rows; each distinct version is read once (and then from the process-wide cache). */
  private async present(manager: EntityManager, rows: readonly QueueRow[]): Promise<Handover[]> {
    const versions = new Map<string, PublishedVersion>();
    for (const versionId of new Set(rows.map((row) => row.handover.versionId)))
      versions.set(versionId, await this.published.version(manager, versionId));
    return rows.map((row) => presentHandover(row, versions.get(row.handover.versionId) as PublishedVersion));
  }

  private memberNames(manager: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    return this.agreements.memberNames(
      manager,
      ids.filter((id): id is string => id !== null),
    );
  }

  private queueFilter(actor: AuthMember, args: HandoverQueueArgs): QueueFilter {
    if (args.scope !== 'MINE' && !isSalesManager(actor))
      throw AppError.forbidden('Only sales managers see the team queue; your own queue is scope MINE.');
    return {
      ownerId: args.scope === 'MINE' ? actor.id : null,
      unassigned: args.scope === 'UNASSIGNED',
      view: args.view,
    };
  }

  private cursorOf(handover: HandoverEntity, view: HandoverQueueArgs['view']): string {
    return view === 'DECIDED'
      ? encodeCursor([handover.decidedAt?.toISOString() ?? '', handover.id])
      : encodeCursor([
          handover.dueAt.toISOString(),
          handover.temperatureRank,
          handover.fitScore,
          handover.id,
        ]);
  }

  private cursor(after: string, view: HandoverQueueArgs['view']): QueueCursor {
    if (view === 'DECIDED') return decodeCursor(after, ['instant', 'uuid']);
    return decodeCursor(after, ['instant', 'integer', 'number', 'uuid']);
  }
}

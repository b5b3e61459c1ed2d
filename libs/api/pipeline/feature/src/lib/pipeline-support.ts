import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { AgreementsRepository } from '@accord/api/agreements/data-access';
import { LeadEntity, LeadsRepository } from '@accord/api/leads/data-access';
import { MembersRepository, WorkspacesRepository } from '@accord/api/members/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { AppError } from '@accord/api/shared/graphql';
import type { LifecycleStage } from '@accord/domain/leads';
import { mayAssignPipelineOwner, pipelineWriteRefusal } from '@accord/domain/pipeline';

const NO_SUCH_LEAD = 'No such lead in this workspace.';

/** What meetings and opportunities share: finding and locking the lead, owners, names and version numbers. */
@Injectable()
export class PipelineSupport {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly members: MembersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly agreements: AgreementsRepository,
  ) {}

  async findLead(manager: EntityManager, id: string): Promise<LeadEntity> {
    const lead = await this.leads.findById(manager, id);
    if (!lead) throw AppError.notFound(NO_SUCH_LEAD);
    return lead;
  }

  /** Locks the lead (SELECT … FOR UPDATE): every stage change of one lead runs one after another. */
  async lockLead(manager: EntityManager, id: string): Promise<LeadEntity> {
    const [lead] = await this.leads.lockByIds(manager, [id]);
    if (!lead) throw AppError.notFound(NO_SUCH_LEAD);
    return lead;
  }

  /**
   * Refuses (FORBIDDEN) a sales member who is not a manager writing a colleague's lead's meetings or opportunity,
   * or a colleague's meeting or deal (see pipelineWriteRefusal). `what` names what they tried to change.
   */
  checkWrite(
    actor: AuthMember,
    owners: { lead: string | null; item?: { kind: 'meeting' | 'opportunity'; owner: string | null } },
    what: string,
  ): void {
    const { lead, item } = owners;
    if (pipelineWriteRefusal(actor, { lead, item: item?.owner }) === null) return;
    const who = item ? `the lead's owner, the ${item.kind}'s owner` : `the lead's owner`;
    throw AppError.forbidden(`Only ${who} or a sales manager ${what}.`);
  }

  /** The owner asked for (an active member of the workspace; another than the actor only by a manager), else the actor. */
  async owner(
    manager: EntityManager,
    ownerId: string | null | undefined,
    actor: AuthMember,
  ): Promise<string> {
    if (!ownerId || ownerId === actor.id) return actor.id;
    if (!mayAssignPipelineOwner(actor, ownerId))
      throw AppError.forbidden('Only a sales manager gives a meeting or an opportunity to someone else.');
    const member = await this.members.findById(manager, ownerId);
    if (member?.status !== 'ACTIVE')
      throw AppError.badInput('ownerId: not an active member of this workspace', [
        { field: 'ownerId', message: 'not an active member of this workspace' },
      ]);
    return ownerId;
  }

  /**
   * The workspace's reporting currency, which an amount must be in (`asked`: the currency the caller named, if
   * any). One currency per workspace keeps pipeline and revenue sums exact; the row stays share-locked so a change
   * of currency cannot slip in before the amount commits.
   */
  async reportingCurrency(
    manager: EntityManager,
    workspaceId: string,
    asked?: string | null,
  ): Promise<string> {
    const currency = await this.workspaces.currencyForWriting(manager, workspaceId);
    if (asked != null && asked !== currency)
      throw AppError.badInput(
        `currency: this workspace reports in ${currency}; give the amount in ${currency}`,
        [
          {
            field: 'currency',
            message: `this workspace reports in ${currency}; give the amount in ${currency}`,
          },
        ],
      );
    return currency;
  }

  async timeZone(manager: EntityManager, workspaceId: string): Promise<string> {
    return (await this.workspaces.findById(manager, workspaceId))?.timeZone ?? 'UTC';
  }

  /** Moves the lead's lifecycle stage and records the transition with its actor and the version in force. */
  async moveLead(
    manager: EntityManager,
    move: {
      lead: LeadEntity;
      to: LifecycleStage;
      actorId: string;
      versionId: string | null;
      reason: string;
      at: Date;
    },
  ): Promise<void> {
    if (move.lead.stage === move.to) return;
    await this.leads.setStages(manager, [{ id: move.lead.id, stage: move.to }], move.at);
    await this.leads.insertTransitions(manager, [
      {
        leadId: move.lead.id,
        fromStage: move.lead.stage,
        toStage: move.to,
        versionId: move.versionId,
        actorId: move.actorId,
        reason: move.reason.slice(0, 200),
        at: move.at,
      },
    ]);
  }

  memberNames(manager: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    return this.agreements.memberNames(
      manager,
      ids.filter((id): id is string => id !== null),
    );
  }

  async versionNumbers(
    manager: EntityManager,
    ids: readonly (string | null)[],
  ): Promise<Map<string, number>> {
    const numbers = new Map<string, number>();
    for (const id of new Set(ids)) {
      if (id === null) continue;
      const version = await this.agreements.findById(manager, id);
      if (version) numbers.set(id, version.number);
    }
    return numbers;
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { AgreementsRepository, PublishedDocuments } from '@accord/api/agreements/data-access';
import { HandoversRepository } from '@accord/api/handovers/data-access';
import { LeadsRepository } from '@accord/api/leads/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';
import { mayQualify, qualificationOf, unknownChecklistKeys } from '@accord/domain/handover';

import { AnswerQualificationArgs } from './dto/handover.inputs';
import { LeadQualification } from './models/handover.model';

/** After acceptance: sales answer the SQL checklist of the accepted handover's version, and enough answers make an SQL. */
@Injectable()
export class QualificationService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly handovers: HandoversRepository,
    private readonly leads: LeadsRepository,
    private readonly published: PublishedDocuments,
    private readonly agreements: AgreementsRepository,
    private readonly clock: Clock,
  ) {}

  /** The accepted lead against its version's SQL checklist; null before any handover of it was accepted. */
  async qualification(actor: AuthMember, leadId: string): Promise<LeadQualification | null> {
    return this.tenantDb.inWorkspace(actor.workspaceId, (manager) => this.qualificationIn(manager, leadId));
  }

  /**
   * Records sales' answers to the checklist; when enough items hold, the accepted lead becomes an SQL, in the
   * same transaction. The owner of the accepted handover or a sales manager answers.
   */
  async answerQualification(actor: AuthMember, args: AnswerQualificationArgs): Promise<LeadQualification> {
    const now = this.clock.now();
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const [lead] = await this.leads.lockByIds(manager, [args.leadId]);
      if (!lead) throw AppError.notFound('No such lead in this workspace.');
      const accepted = await this.handovers.acceptedFor(manager, lead.id);
      if (!accepted)
        throw AppError.conflict('The lead has no accepted handover; accept it before qualifying it.');
      if (!mayQualify(actor, { ownerId: accepted.ownerId, decidedById: accepted.decidedBy }))
        throw AppError.forbidden(
          'Only the owner of the accepted handover or a sales manager qualifies this lead.',
        );
      const version = await this.published.version(manager, accepted.versionId);
      const unknown = unknownChecklistKeys(
        version.document.sql,
        args.answers.map((answer) => answer.key),
      );
      if (unknown.length)
        throw AppError.badInput(
          `answers: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not on the checklist`,
          [{ field: 'answers', message: `keys must be items of version ${version.number}'s SQL checklist` }],
        );
      await this.handovers.saveAnswers(
        manager,
        lead.id,
        version.id,
        args.answers.map((answer) => ({
          itemKey: answer.key,
          met: answer.met,
          note: answer.note?.trim() || null,
        })),
        actor.id,
        now,
      );
      const answers = await this.handovers.answers(manager, lead.id);
      const result = qualificationOf(
        version.document.sql,
        new Set(answers.filter((answer) => answer.met).map((answer) => answer.itemKey)),
      );
      if (result.qualified && lead.stage === 'SAL')
        await this.leads.moveStage(manager, {
          leadId: lead.id,
          fromStage: 'SAL',
          toStage: 'SQL',
          versionId: version.id,
          actorId: actor.id,
          reason: `qualified: ${result.met} of ${version.document.sql.checklist.length} checklist items hold`,
          at: now,
        });
      return (await this.qualificationIn(manager, lead.id)) as LeadQualification;
    });
  }

  private async qualificationIn(manager: EntityManager, leadId: string): Promise<LeadQualification | null> {
    const accepted = await this.handovers.acceptedFor(manager, leadId);
    if (!accepted) return null;
    const lead = await this.leads.findById(manager, leadId);
    if (!lead) return null;
    const version = await this.published.version(manager, accepted.versionId);
    const answers = new Map(
      (await this.handovers.answers(manager, leadId)).map((answer) => [answer.itemKey, answer]),
    );
    const names = await this.agreements.memberNames(
      manager,
      [...answers.values()].map((answer) => answer.answeredBy),
    );
    const result = qualificationOf(
      version.document.sql,
      new Set([...answers.values()].filter((answer) => answer.met).map((answer) => answer.itemKey)),
    );
    return {
      leadId,
      versionId: version.id,
      versionNumber: version.number,
      stage: lead.stage,
      items: version.document.sql.checklist.map((item) => {
        const answer = answers.get(item.key);
        return {
          key: item.key,
          label: item.label,
          description: item.description,
          met: answer?.met ?? null,
          note: answer?.note ?? null,
          answeredBy: answer ? { id: answer.answeredBy, name: names.get(answer.answeredBy) ?? '' } : null,
          answeredAt: answer?.answeredAt ?? null,
        };
      }),
      ...result,
    };
  }
}

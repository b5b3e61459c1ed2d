import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

import { AgreementVersionEntity, AgreementsRepository } from '@accord/api/agreements/data-access';
import { ScoringStateRepository } from '@accord/api/leads/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb, isUniqueViolation } from '@accord/api/shared/database';
import { AppError, FieldProblem, decodeCursor, encodeCursor } from '@accord/api/shared/graphql';
import { WebhookOutboxRepository } from '@accord/api/webhooks/data-access';
import {
  AgreementDocument,
  SignatureRefusal,
  canEditAgreement,
  canSendBack,
  diffDocuments,
  effectiveTime,
  isFullySigned,
  parseAgreementDocument,
  proposalIssues,
  requestedTimeRefusal,
  routedMemberIds,
  signatureRefusal,
  signaturesOnRevision,
  starterAgreement,
  unroutableMembers,
  versionStatus,
} from '@accord/domain/agreement';
import { type ApproverSide, approverSides } from '@accord/domain/workspace';

import { person, presentVersions } from './agreement.presenter';
import {
  AgreementEventsArgs,
  CreateAgreementDraftInput,
  ProposeAgreementInput,
  SaveAgreementDraftInput,
  SendBackAgreementInput,
  SignAgreementInput,
} from './dto/agreement.inputs';
import { AgreementDiff, AgreementEventConnection, AgreementVersion } from './models/agreement.model';
import { type ProposalMail, ProposalMailer } from './proposal-mailer';
import { staleSignatureMessage } from './signature-messages';

const SIDE_NAME: Record<ApproverSide, string> = { MARKETING: 'marketing', SALES: 'sales' };

/** "Ann, Bob and Cat". */
function listOf(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function label(version: AgreementVersionEntity): string {
  return `v${version.number}`;
}

/**
 * The lead agreement's lifecycle: drafts edited by marketing, proposed, signed by one marketing and one sales
 * approver on the same revision, and published at an instant that supersedes the previous version. Every
 * state change locks the version row first, so concurrent saves and signatures resolve one at a time, and the
 * loser gets a CONFLICT that says what won.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: AgreementsRepository,
    private readonly scoring: ScoringStateRepository,
    private readonly clock: Clock,
    private readonly webhooks: WebhookOutboxRepository,
    private readonly proposalMailer: ProposalMailer,
  ) {}

  list(actor: AuthMember): Promise<AgreementVersion[]> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) =>
      this.present(manager, await this.repository.list(manager)),
    );
  }

  get(actor: AuthMember, id: string): Promise<AgreementVersion> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const [version] = await this.present(manager, [await this.require(manager, id)]);
      return version;
    });
  }

  inForce(actor: AuthMember, at: Date | null): Promise<AgreementVersion | null> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const version = await this.repository.findInForce(manager, at ?? this.clock.now());
      return version ? (await this.present(manager, [version]))[0] : null;
    });
  }

  diff(actor: AuthMember, fromId: string, toId: string): Promise<AgreementDiff> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const [fromEntity, toEntity] = [await this.require(manager, fromId), await this.require(manager, toId)];
      const [from, to] = await this.present(manager, [fromEntity, toEntity]);
      const changes = diffDocuments(fromEntity.document, toEntity.document).map((change) => ({
        path: change.path,
        kind: change.kind,
        before: change.before ?? null,
        after: change.after ?? null,
      }));
      return { from, to, changes };
    });
  }

  async events(actor: AuthMember, args: AgreementEventsArgs): Promise<AgreementEventConnection> {
    const beforeId = args.after ? decodeCursor(args.after, ['serial'])[0] : null;
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const page = await this.repository.events(manager, {
        versionId: args.versionId ?? null,
        first: args.first,
        beforeId,
      });
      const versions = new Map(
        (await this.repository.list(manager)).map((version) => [version.id, version.number]),
      );
      const names = await this.repository.memberNames(
        manager,
        page.events.flatMap((event) => (event.actorId ? [event.actorId] : [])),
      );
      const edges = page.events.map((event) => ({
        cursor: encodeCursor([event.id]),
        node: {
          id: event.id,
          versionId: event.versionId,
          versionNumber: versions.get(event.versionId) ?? 0,
          action: event.action,
          revision: event.revision,
          actor: person(names, event.actorId),
          comment: event.comment,
          details: event.details,
          at: event.at,
        },
      }));
      return { edges, pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: page.hasNextPage } };
    });
  }

  /** Opens a new draft as a copy of the latest published version (or a starter agreement for a new workspace). */
  async createDraft(actor: AuthMember, input: CreateAgreementDraftInput): Promise<AgreementVersion> {
    this.requireEditor(actor);
    const now = this.clock.now();
    try {
      return await this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
        const open = await this.repository.findOpen(manager);
        if (open) throw this.alreadyOpen(open);
        const latest = await this.repository.findLatestPublished(manager);
        const team = latest ? [] : await this.repository.salesTeam(manager);
        // With no sales members yet the starter routes to no one: it can be saved, and names its team before proposing.
        const document = latest?.document ?? starterAgreement(team);
        const draft = await this.repository.insertDraft(manager, {
          workspaceId: actor.workspaceId,
          id: randomUUID(),
          document,
          basedOnId: latest?.id ?? null,
          createdById: actor.id,
          at: now,
        });
        await this.record(manager, actor, draft, 'CREATED', input.comment, now, {
          basedOnVersionNumber: latest?.number ?? null,
        });
        return (await this.present(manager, [draft]))[0];
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Someone opened a draft at the same instant: name theirs.
      const open = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
        this.repository.findOpen(manager),
      );
      throw open
        ? this.alreadyOpen(open)
        : AppError.conflict('Another draft was created at the same moment; reload.');
    }
  }

  /** Saves the whole document over the revision the edit started from. Saving a proposal returns it to draft. */
  async save(actor: AuthMember, input: SaveAgreementDraftInput): Promise<AgreementVersion> {
    this.requireEditor(actor);
    const document = this.parse(input.document);
    const now = this.clock.now();
    const requestedEffectiveAt = this.requestedTime(input.requestedEffectiveAt ?? null, now);
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const current = await this.lockOpen(
        manager,
        actor,
        { id: input.versionId, revision: input.baseRevision },
        'edited',
      );
      await this.checkRouting(manager, document);
      const unchanged =
        diffDocuments(current.document, document).length === 0 &&
        current.requestedEffectiveAt?.getTime() === requestedEffectiveAt?.getTime();
      if (unchanged) return (await this.present(manager, [current]))[0];

      const voided = signaturesOnRevision(
        await this.repository.signatures(manager, [current.id]),
        current.revision,
      ).length;
      const saved = await this.repository.saveDocument(manager, {
        id: current.id,
        baseRevision: current.revision,
        document,
        requestedEffectiveAt,
        actorId: actor.id,
        at: now,
      });
      if (!saved) throw new Error(`version ${current.id} changed under its row lock`);
      await this.record(manager, actor, saved, 'EDITED', input.comment, now, {
        changes: diffDocuments(current.document, document).length,
        signaturesVoided: voided,
        returnedToDraft: current.status === 'PROPOSED',
      });
      return (await this.present(manager, [saved]))[0];
    });
  }

  async propose(actor: AuthMember, input: ProposeAgreementInput): Promise<AgreementVersion> {
    this.requireEditor(actor);
    const now = this.clock.now();
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const current = await this.lockOpen(
        manager,
        actor,
        { id: input.versionId, revision: input.revision },
        'proposed',
      );
      if (current.status !== 'DRAFT')
        throw AppError.conflict(`${label(current)} is already proposed.`, { status: current.status });
      // Members may have left since the last save; a proposal must route to people who can take leads.
      this.checkProposable(current.document);
      await this.checkRouting(manager, current.document);
      const proposed = await this.transition(manager, actor, current, 'PROPOSED', false, now);
      await this.record(manager, actor, proposed, 'PROPOSED', input.comment, now);
      await this.proposalMailer.queue(
        manager,
        proposed.id,
        await this.signatureRequests(manager, actor, proposed),
        now,
      );
      return (await this.present(manager, [proposed]))[0];
    });
  }

  /** One e-mail per approver but the proposer, naming the sides they can sign. */
  private async signatureRequests(
    manager: EntityManager,
    actor: AuthMember,
    version: AgreementVersionEntity,
  ): Promise<ProposalMail[]> {
    const { workspaceName, approvers } = await this.repository.approvers(manager);
    return approvers.flatMap((approver) => {
      const sides = approverSides(approver.roles, true);
      return approver.id === actor.id || sides.length === 0
        ? []
        : [
            {
              to: approver.email,
              sides,
              proposedBy: actor.name,
              workspaceName,
              versionNumber: version.number,
              versionUrl: this.proposalMailer.versionUrl(version.id),
            },
          ];
    });
  }

  async sendBack(actor: AuthMember, input: SendBackAgreementInput): Promise<AgreementVersion> {
    if (!canSendBack(actor.roles, actor.approver)) {
      throw AppError.forbidden('Only approvers, marketing and admins can send a proposal back.');
    }
    const now = this.clock.now();
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const current = await this.lockOpen(
        manager,
        actor,
        { id: input.versionId, revision: input.revision },
        'sent back',
      );
      if (current.status !== 'PROPOSED')
        throw AppError.conflict(`${label(current)} is a draft, not a proposal.`, { status: current.status });
      const voided = signaturesOnRevision(
        await this.repository.signatures(manager, [current.id]),
        current.revision,
      ).length;
      // The revision moves on, so signatures given on the proposal no longer count.
      const draft = await this.transition(manager, actor, current, 'DRAFT', true, now);
      await this.record(manager, actor, draft, 'SENT_BACK', input.comment, now, { signaturesVoided: voided });
      await this.proposalMailer.withdraw(manager, current.id);
      return (await this.present(manager, [draft]))[0];
    });
  }

  /** Signs one side; the second side's signature publishes the version in the same transaction. */
  async sign(actor: AuthMember, input: SignAgreementInput): Promise<AgreementVersion> {
    const now = this.clock.now();
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const version = await this.repository.lockById(manager, input.versionId);
      if (!version) throw AppError.notFound('No such agreement version in this workspace.');
      const signatures = await this.repository.signatures(manager, [version.id]);
      const refusal = signatureRefusal({
        status: version.status,
        currentRevision: version.revision,
        signedRevision: input.revision,
        side: input.side,
        memberId: actor.id,
        roles: actor.roles,
        approver: actor.approver,
        signatures,
      });
      if (refusal) throw await this.signatureError(manager, refusal, version, input, signatures);

      await this.repository.insertSignature(manager, {
        workspaceId: actor.workspaceId,
        versionId: version.id,
        revision: version.revision,
        side: input.side,
        memberId: actor.id,
        comment: input.comment ?? null,
        at: now,
      });
      await this.record(manager, actor, version, 'SIGNED', input.comment, now, { side: input.side });
      const all = [...signatures, { side: input.side, memberId: actor.id, revision: version.revision }];
      if (isFullySigned(all, version.revision)) await this.publish(manager, actor, version, now);
      return (
        await this.present(manager, [
          (await this.repository.findById(manager, version.id)) as AgreementVersionEntity,
        ])
      )[0];
    });
  }

  private async publish(
    manager: EntityManager,
    actor: AuthMember,
    version: AgreementVersionEntity,
    now: Date,
  ): Promise<void> {
    const latest = await this.repository.findLatestPublished(manager, true);
    const timing = effectiveTime(version.requestedEffectiveAt, now, latest?.effectiveAt ?? null);
    if ('refusal' in timing) {
      const start = timing.refusal.latestEffectiveAt.toISOString();
      throw AppError.conflict(
        `v${latest?.number} takes effect at ${start}; ${label(version)} must take effect after that. Send it back and change its effective date.`,
        { latestEffectiveAt: start },
      );
    }
    // Supersede first: the index allowing one published version without a successor holds at every step.
    if (latest) await this.repository.supersede(manager, latest.id, timing.effectiveAt);
    await this.repository.publish(manager, version.id, timing.effectiveAt, now);
    await this.proposalMailer.withdraw(manager, version.id);
    // Every lead is rescored under the new version once it takes effect; queued here, so a crash cannot lose it.
    await this.scoring.enqueue(manager, {
      workspaceId: actor.workspaceId,
      id: randomUUID(),
      versionId: version.id,
      runAfter: timing.effectiveAt,
    });
    await this.repository.insertEvent(manager, {
      workspaceId: actor.workspaceId,
      versionId: version.id,
      action: 'PUBLISHED',
      revision: version.revision,
      actorId: null,
      comment: null,
      details: {
        effectiveAt: timing.effectiveAt.toISOString(),
        supersedesVersionNumber: latest?.number ?? null,
      },
      at: now,
    });
    // Queued in the publishing transaction: a crash cannot publish without the webhook, nor the reverse.
    await this.webhooks.enqueue(
      manager,
      'agreement.published',
      {
        versionId: version.id,
        number: version.number,
        revision: version.revision,
        effectiveAt: timing.effectiveAt.toISOString(),
        publishedAt: now.toISOString(),
        supersedesVersionNumber: latest?.number ?? null,
      },
      now,
    );
  }

  private async signatureError(
    manager: EntityManager,
    refusal: SignatureRefusal,
    version: AgreementVersionEntity,
    input: SignAgreementInput,
    signatures: { side: ApproverSide; memberId: string; revision: number }[],
  ): Promise<AppError> {
    const side = SIDE_NAME[input.side];
    switch (refusal) {
      case 'NOT_AN_APPROVER_FOR_SIDE':
        return AppError.forbidden(`Only a ${side} approver can sign for ${side}.`);
      case 'NOT_PROPOSED':
        return AppError.conflict(
          `${label(version)} is ${versionStatus(version, this.clock.now()).toLowerCase()}, so it cannot be signed.`,
          { status: version.status },
        );
      case 'STALE_REVISION': {
        const read = signaturesOnRevision(signatures, input.revision);
        const message = staleSignatureMessage({
          version: label(version),
          readRevision: input.revision,
          currentRevision: version.revision,
          status: version.status,
          voidedSides: read.map((signature) => signature.side),
        });
        return AppError.conflict(message, { currentRevision: version.revision, status: version.status });
      }
      case 'SIDE_ALREADY_SIGNED': {
        const signer = signaturesOnRevision(signatures, version.revision).find((s) => s.side === input.side);
        const names = await this.repository.memberNames(manager, signer ? [signer.memberId] : []);
        const name = (signer && names.get(signer.memberId)) ?? 'Another approver';
        return AppError.conflict(`${name} already signed revision ${version.revision} for ${side}.`, {
          currentRevision: version.revision,
        });
      }
      case 'ALREADY_SIGNED_OTHER_SIDE':
        return AppError.forbidden(
          `You already signed the other side; a different approver must sign for ${side}.`,
        );
    }
  }

  private requireEditor(actor: AuthMember): void {
    if (!canEditAgreement(actor.roles))
      throw AppError.forbidden('Only marketing and admins edit the agreement.');
  }

  private parse(input: unknown): AgreementDocument {
    const result = parseAgreementDocument(input);
    if (result.ok) return result.document;
    const fields: FieldProblem[] = result.issues.map((issue) => ({
      field: issue.path ? `document.${issue.path}` : 'document',
      message: issue.message,
    }));
    const [first] = fields;
    const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
    throw AppError.badInput(`The agreement is not valid: ${first.field} ${first.message}${more}.`, fields);
  }

  /** The editor's "Take effect on" field: refusals name it as the member sees it, and `fields` by its input name. */
  private requestedTime(requested: Date | null, now: Date): Date | null {
    if (!requested) return null;
    const refuse = (message: string) =>
      AppError.badInput(`"Take effect on" ${message}.`, [{ field: 'requestedEffectiveAt', message }]);
    if (Number.isNaN(requested.getTime())) throw refuse('is not a date');
    const refusal = requestedTimeRefusal(requested, now);
    switch (refusal) {
      case 'NOT_IN_FUTURE':
        throw refuse('must be in the future; leave it empty to take effect as soon as both sides sign');
      case 'TOO_FAR':
        throw refuse('must be within five years');
      case null:
        return requested;
    }
  }

  /** Routing may name only active sales members of this workspace; the refusal names each one by name. */
  private async checkRouting(manager: EntityManager, document: AgreementDocument): Promise<void> {
    const sales = await this.repository.activeSalesMembers(manager, routedMemberIds(document));
    const misplaced = unroutableMembers(document.handover.routing, (id) => sales.has(id));
    if (misplaced.length === 0) return;
    const names = await this.repository.memberNames(
      manager,
      misplaced.map((entry) => entry.memberId),
    );
    // An id that is no member of this workspace has no name to show; it is named as what it is.
    const nameOf = (id: string, start = false) =>
      names.get(id) ?? `${start ? 'An' : 'an'} unknown member (${id})`;
    const fields = misplaced.map((entry) => ({
      field: `document.${entry.path}`,
      message: `${nameOf(entry.memberId, true)} is not an active sales member`,
    }));
    const people = [...new Set(misplaced.map((entry) => nameOf(entry.memberId)))];
    const who = people.length === 1 ? `${people[0]} is not one` : `${listOf(people)} are not`;
    throw AppError.badInput(
      `Leads can only be routed to active sales members: ${who}. Give them the Sales role on Members, or route to someone else.`,
      fields,
    );
  }

  /** Who made a version's latest revision, as a refusal names them: "you", their name, or null when unknown. */
  private async savedBy(
    manager: EntityManager,
    actor: AuthMember,
    memberId: string | null,
  ): Promise<string | null> {
    if (memberId === null) return null;
    if (memberId === actor.id) return 'you';
    return (await this.repository.memberNames(manager, [memberId])).get(memberId) ?? null;
  }

  /** A proposal asks sales to sign whom leads go to: its routing must name someone. */
  private checkProposable(document: AgreementDocument): void {
    const issues = proposalIssues(document);
    if (issues.length === 0) return;
    throw AppError.badInput(
      'Choose at least one sales member to receive leads (Routing) before proposing; invite sales members on Members if there are none yet.',
      issues.map((issue) => ({ field: `document.${issue.path}`, message: issue.message })),
    );
  }

  /**
   * Locks an open version and checks it is still at the revision the member acted on; if not, the refusal names
   * who saved the revision that won ("you" for a save of the member's own in another tab), so that they know whose
   * edits they would discard or overwrite.
   */
  private async lockOpen(
    manager: EntityManager,
    actor: AuthMember,
    { id, revision }: { id: string; revision: number },
    verb: string,
  ): Promise<AgreementVersionEntity> {
    const version = await this.repository.lockById(manager, id);
    if (!version) throw AppError.notFound('No such agreement version in this workspace.');
    if (version.status === 'PUBLISHED') {
      throw AppError.conflict(
        `${label(version)} is published and cannot be ${verb}; create a new draft instead.`,
        {
          status: version.status,
        },
      );
    }
    if (version.revision !== revision) {
      const changedBy = await this.savedBy(manager, actor, version.updatedById);
      throw AppError.conflict(
        `${label(version)} was changed by ${changedBy ?? 'someone else'}${changedBy === 'you' ? ' in another tab or window' : ''}: it is at revision ${version.revision}, you worked on revision ${revision}. Nothing was ${verb}; reload it and apply your change again.`,
        { currentRevision: version.revision, status: version.status, changedBy },
      );
    }
    return version;
  }

  private async transition(
    manager: EntityManager,
    actor: AuthMember,
    current: AgreementVersionEntity,
    to: 'DRAFT' | 'PROPOSED',
    bumpRevision: boolean,
    now: Date,
  ): Promise<AgreementVersionEntity> {
    const moved = await this.repository.transition(manager, {
      id: current.id,
      revision: current.revision,
      from: current.status,
      to,
      bumpRevision,
      actorId: actor.id,
      at: now,
    });
    if (!moved) throw new Error(`version ${current.id} changed under its row lock`);
    return moved;
  }

  private alreadyOpen(open: AgreementVersionEntity): AppError {
    return AppError.conflict(
      `${label(open)} is already open as a ${open.status.toLowerCase()}: edit it, or send it back, rather than starting another.`,
      { versionId: open.id, status: open.status },
    );
  }

  private async require(manager: EntityManager, id: string): Promise<AgreementVersionEntity> {
    const version = await this.repository.findById(manager, id);
    if (!version) throw AppError.notFound('No such agreement version in this workspace.');
    return version;
  }

  private present(
    manager: EntityManager,
    versions: readonly AgreementVersionEntity[],
  ): Promise<AgreementVersion[]> {
    return presentVersions(this.repository, manager, versions, this.clock.now());
  }

  private record(
    manager: EntityManager,
    actor: AuthMember,
    version: AgreementVersionEntity,
    action: 'CREATED' | 'EDITED' | 'PROPOSED' | 'SIGNED' | 'SENT_BACK',
    comment: string | null | undefined,
    at: Date,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return this.repository.insertEvent(manager, {
      workspaceId: actor.workspaceId,
      versionId: version.id,
      action,
      revision: version.revision,
      actorId: actor.id,
      comment: comment || null,
      details,
      at,
    });
  }
}

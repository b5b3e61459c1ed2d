import { Injectable } from '@nestjs/common';

import {
  LeadSpellingsRepository,
  ScoringLockBusy,
  ScoringLockPatience,
  ScoringStateRepository,
  retriedWhileScoringLockBusy,
} from '@accord/api/leads/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb, isLockTimeout, limitLockWaits } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';
import { type SpelledField, parseSpelling } from '@accord/domain/leads';

import type {
  CorrectLeadValueInput,
  CorrectedLeadValue,
  LeadValueField,
  LeadValues,
} from './models/lead-value.model';

/** Leads respelt per transaction: a few thousand row locks held for a moment, as a rescore's batches hold them. */
const RESPELT_PER_BATCH = 5_000;
/** Below every lead id: where the batches start. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** At most this many values are listed: more than a person reads through, fewer than the campaigns of years. */
const LISTED_VALUES = 1000;

const spelledField = (field: LeadValueField) => field.toLowerCase() as SpelledField;

/**
 * The workspace's industries, sources and campaigns as it spells them, and their correction: a value first stored
 * as "linkedin" can be made to read "LinkedIn" everywhere, in the filters, the dashboard and its leads.
 */
@Injectable()
export class LeadValuesService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly spellings: LeadSpellingsRepository,
    private readonly scoring: ScoringStateRepository,
    private readonly patience: ScoringLockPatience,
    private readonly clock: Clock,
  ) {}

  async list(actor: AuthMember, field: LeadValueField): Promise<LeadValues> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => ({
      field,
      ...(await this.spellings.values(manager, spelledField(field), LISTED_VALUES)),
    }));
  }

  /**
   * Case is all a correction changes, so no lead's score changes (scoring folds case). First the spelling, under the
   * workspace's scoring lock taken exclusively, as a rescore's flip takes it: the writes in flight finish first, and
   * every write after reads the new spelling, so no lead is stored in the old one from then on. Then the leads that
   * hold the old one, a batch at a time, each batch as any writer of leads locks them — not all in one transaction,
   * which would hold every writer of the workspace back as long as it rewrote a value of hundreds of thousands of
   * leads. A correction cut short is finished by the same one made again.
   *
   * Neither step waits long for a transaction that runs long (an import's dry run holds the scoring lock, and the
   * leads it would change, until it ends): the correction gives way with a CONFLICT, to be made again once that has
   * finished, rather than keep the workspace's writers queued behind it (see ScoringStateRepository.lockForFlip).
   */
  async correct(actor: AuthMember, input: CorrectLeadValueInput): Promise<CorrectedLeadValue> {
    const parsed = parseSpelling(spelledField(input.field), input.spelling);
    if (!parsed.ok) {
      const message = parsed.issues[0].message;
      throw AppError.badInput(`spelling: ${message}`, [{ field: 'spelling', message }]);
    }
    const { spelling } = parsed;
    const { waitMs, correctionPausesMs, respellWaitMs } = this.patience;
    const previous = await retriedWhileScoringLockBusy(
      () =>
        this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
          await this.scoring.lockForFlip(manager, actor.workspaceId, waitMs);
          return this.spellings.correct(manager, spelling);
        }),
      (tries) => correctionPausesMs[tries - 1] ?? null,
    ).catch((error: unknown) => {
      if (!(error instanceof ScoringLockBusy)) throw error;
      throw AppError.conflict(
        `${error.message} The ${spelledField(input.field)} was not corrected: make the correction again once it has finished.`,
      );
    });
    if (previous === null)
      throw AppError.notFound(
        `No lead has had the ${spelledField(input.field)} “${spelling.spelling}” in any case: a correction changes only the case of a value the workspace has.`,
      );
    const at = this.clock.now();
    let leads = 0;
    for (let after = NO_ID; ;) {
      const ids = await this.tenantDb
        .inWorkspace(actor.workspaceId, async (manager) => {
          await limitLockWaits(manager, respellWaitMs);
          return this.spellings.respellLeads(manager, spelling, previous, after, RESPELT_PER_BATCH, at);
        })
        .catch((error: unknown) => {
          if (!isLockTimeout(error)) throw error;
          // The spelling stands: every write from now on uses it, and the same correction made again respells the rest.
          throw AppError.conflict(
            `“${spelling.spelling}” is now the spelling, and ${leads} ${leads === 1 ? 'lead was' : 'leads were'} respelt; others are held by a long-running transaction (an import's dry run holds the leads it would change until it ends). Make the same correction again once it has finished to respell them.`,
          );
        });
      leads += ids.length;
      if (ids.length < RESPELT_PER_BATCH) break;
      after = ids[ids.length - 1];
    }
    return { field: input.field, spelling: spelling.spelling, previous, leads };
  }
}

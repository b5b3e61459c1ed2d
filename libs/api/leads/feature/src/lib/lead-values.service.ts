import { Injectable } from '@nestjs/common';

import { LeadSpellingsRepository, ScoringStateRepository } from '@accord/api/leads/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';
import { type SpelledField, parseSpelling } from '@accord/domain/leads';

import type {
  CorrectLeadValueInput,
  CorrectedLeadValue,
  LeadValueField,
  LeadValues,
} from './models/lead-value.model';

/** At most this many values are listed: more than a person reads through, fewer than the campaigns of years. */
const LISTED_VALUES = 1000;

const FIELD_NAMES: Readonly<Record<LeadValueField, string>> = {
  INDUSTRY: 'industry',
  SOURCE: 'source',
  CAMPAIGN: 'campaign',
};

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
    private readonly clock: Clock,
  ) {}

  async list(actor: AuthMember, field: LeadValueField): Promise<LeadValues> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => ({
      field,
      ...(await this.spellings.values(manager, spelledField(field), LISTED_VALUES)),
    }));
  }

  /**
   * Case is all a correction changes, so no lead's score changes (scoring folds case) and nothing is rescored. It
   * takes the workspace's scoring lock exclusively, as a rescore's flip does: it waits for the writes in flight,
   * and writes that start meanwhile wait for it, then store the value in its new spelling.
   */
  async correct(actor: AuthMember, input: CorrectLeadValueInput): Promise<CorrectedLeadValue> {
    const parsed = parseSpelling(spelledField(input.field), input.spelling);
    if (!parsed.ok) {
      const message = parsed.issues[0].message;
      throw AppError.badInput(`spelling: ${message}`, [{ field: 'spelling', message }]);
    }
    const { spelling } = parsed;
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      await this.scoring.lockForFlip(manager, actor.workspaceId);
      const corrected = await this.spellings.correct(manager, spelling, this.clock.now());
      if (!corrected)
        throw AppError.notFound(
          `No lead has had the ${FIELD_NAMES[input.field]} “${spelling.spelling}” in any case: a correction changes only the case of a value the workspace has.`,
        );
      return { field: input.field, spelling: spelling.spelling, ...corrected };
    });
  }
}

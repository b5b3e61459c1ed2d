import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';

import {
  LeadEntity,
  LeadSpellingsRepository,
  LeadsRepository,
  ScoringStateRepository,
} from '@accord/api/leads/data-access';
import { Clock } from '@accord/api/shared/config';
import {
  type CompanyFactField,
  LeadFields,
  LifecycleStage,
  type SpellingsBook,
  fillCompanyFacts,
  parseLeadFields,
  respell,
  spellingsIn,
  withFirstSpellings,
} from '@accord/domain/leads';

import { ApiKeysService } from './api-keys.service';
import { StoredLeadFields, mergeLeadInput, sameLeadFields } from './lead-fields';
import { LeadScorer } from './lead-scorer';

export type LeadItemStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REFUSED';

export interface LeadItemReport {
  index: number;
  status: LeadItemStatus;
  leadId?: string;
  stage?: LifecycleStage;
  problems?: { field: string; message: string }[];
  /** A created lead's company facts the item left out, taken from the workspace's other leads at its domain. */
  filledFromCompany?: CompanyFactField[];
}

export interface LeadUpsertReport {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  items: LeadItemReport[];
}

/** An item that passed the lead rules on its own: its normalised e-mail and fields, and what it gave. */
interface AcceptedItem {
  index: number;
  email: string;
  fields: LeadFields;
  /** The item's raw fields without the e-mail: the key, never an edit. */
  given: Record<string, unknown>;
}

type ParsedItem = AcceptedItem | { index: number; problems: { field: string; message: string }[] };

/** One lead as the request's items leave it. */
interface LeadState {
  id: string;
  fields: StoredLeadFields;
  /** The request inserted it (it gets a 'created' transition and is scored). */
  inserted: boolean;
  /** Inserted, and its first item not folded yet: that item is CREATED. */
  creating: boolean;
  /** A later item changed it after it was stored or inserted: it is written again. */
  changed: boolean;
  /** The company facts its insert took from the workspace's other leads at its domain. */
  filled?: CompanyFactField[];
}

function parseItem(item: unknown, index: number): ParsedItem {
  const result = parseLeadFields(item);
  if (!result.ok) {
    return { index, problems: result.issues.map((issue) => ({ field: issue.path, message: issue.message })) };
  }
  const given = { ...(item as Record<string, unknown>) };
  delete given['email'];
  return { index, email: result.lead.email, fields: result.lead, given };
}

/**
 * Leads from machines (`POST /api/v1/leads`): upserted by e-mail in one transaction of the key's workspace, each
 * created or changed lead scored in it, so that the answer names every lead's stage.
 */
@Injectable()
export class LeadUpsertService {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly leads: LeadsRepository,
    private readonly spellings: LeadSpellingsRepository,
    private readonly scoring: ScoringStateRepository,
    private readonly scorer: LeadScorer,
    private readonly clock: Clock,
  ) {}

  /** Upserts the items (lead objects, unchecked); null, with nothing stored, for a wrong or revoked key. */
  upsert(secret: string, items: readonly unknown[]): Promise<LeadUpsertReport | null> {
    const parsed = items.map(parseItem);
    const now = this.clock.now();
    return this.apiKeys.inKeyWorkspace(secret, (manager, key) =>
      this.apply(manager, key.workspaceId, parsed, now),
    );
  }

  private async apply(
    manager: EntityManager,
    workspaceId: string,
    parsed: readonly ParsedItem[],
    now: Date,
  ): Promise<LeadUpsertReport> {
    // Each value in the workspace's spelling, or the first the request gives of a new one (as `record` will keep it).
    const given = parsed.filter((item): item is AcceptedItem => 'email' in item);
    const spelled = spellingsIn(given.map((item) => item.fields));
    const spellings = withFirstSpellings(await this.spellings.known(manager, spelled), spelled);
    const accepted = given.map((item) => ({ ...item, fields: respell(item.fields, spellings).fields }));
    const states = await this.lockOrInsert(manager, workspaceId, accepted, now);
    const items = parsed.map((item) =>
      'email' in item ? fold(states, item, spellings) : { ...item, status: 'REFUSED' as const },
    );

    for (const state of states.values())
      if (state.changed) await this.leads.update(manager, state.id, state.fields as LeadFields, now);
    const written = [...states.values()].filter((state) => state.inserted || state.changed);
    await this.scorer.scoreChanged(
      manager,
      await this.leads.lockForScoring(
        manager,
        written.map((state) => state.id),
      ),
      now,
      null,
    );
    await this.spellings.record(
      manager,
      written.map((state) => ({ ...(state.fields as LeadFields), id: state.id })),
    );

    const stages = await this.stagesOf(
      manager,
      [...states.values()].map((state) => state.id),
    );
    const count = (status: LeadItemStatus) => items.filter((item) => item.status === status).length;
    return {
      created: count('CREATED'),
      updated: count('UPDATED'),
      unchanged: count('UNCHANGED'),
      refused: count('REFUSED'),
      items: items.map((item) => (item.leadId ? { ...item, stage: stages.get(item.leadId) } : item)),
    };
  }

  /**
   * Locks the leads the items name and inserts those that do not exist yet, each with its first item's fields
   * and its 'created' transition. A lead another request inserted meanwhile is locked and updated instead.
   */
  private async lockOrInsert(
    manager: EntityManager,
    workspaceId: string,
    accepted: readonly AcceptedItem[],
    now: Date,
  ): Promise<Map<string, LeadState>> {
    const states = new Map<string, LeadState>();
    const lock = async (emails: string[]) => {
      for (const lead of await this.leads.lockByEmails(manager, emails))
        states.set(lead.email, {
          id: lead.id,
          fields: lead,
          inserted: false,
          creating: false,
          changed: false,
        });
    };
    await lock(accepted.map((item) => item.email));

    const missing = new Map<string, LeadFields & { workspaceId: string; id: string; ownerId: null }>();
    // Each new e-mail's first item creates its lead; the company facts it leaves out come from its domain's leads.
    const firsts = new Map<string, AcceptedItem>();
    for (const item of accepted)
      if (!states.has(item.email) && !firsts.has(item.email)) firsts.set(item.email, item);
    const companies = await this.leads.companyFacts(
      manager,
      [...firsts.values()].flatMap(({ fields }) => (fields.companyDomain ? [fields.companyDomain] : [])),
    );
    const filled = new Map<string, CompanyFactField[]>();
    for (const { email, fields } of firsts.values()) {
      const known = fields.companyDomain ? companies.get(fields.companyDomain) : undefined;
      const completed = fillCompanyFacts(fields, known);
      if (completed.filled.length > 0) filled.set(email, completed.filled);
      missing.set(email, { ...completed.lead, workspaceId, id: randomUUID(), ownerId: null });
    }
    const inserted = await this.leads.insertNew(manager, [...missing.values()], now);
    for (const lead of missing.values())
      if (inserted.has(lead.id))
        states.set(lead.email, {
          id: lead.id,
          fields: lead,
          inserted: true,
          creating: true,
          changed: false,
          filled: filled.get(lead.email),
        });
    await lock([...missing.values()].filter((lead) => !inserted.has(lead.id)).map((lead) => lead.email));

    const versionId = await this.scoring.pointer(manager, null);
    await this.leads.insertTransitions(
      manager,
      [...inserted].map((leadId) => ({
        leadId,
        fromStage: null,
        toStage: 'LEAD' as const,
        versionId,
        actorId: null,
        reason: 'created',
        at: now,
      })),
    );
    return states;
  }

  private async stagesOf(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, LifecycleStage>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.find(LeadEntity, {
      select: { id: true, stage: true },
      where: { id: In(ids) },
    });
    return new Map(rows.map((row) => [row.id, row.stage]));
  }
}

/**
 * Applies one accepted item to its lead's state: the first item of a lead this request inserted created it; any
 * other item is an edit of the lead as the items before it left it — given fields replace, absent ones stay.
 */
function fold(
  states: Map<string, LeadState>,
  item: AcceptedItem,
  spellings: SpellingsBook,
): Omit<LeadItemReport, 'stage'> {
  const state = states.get(item.email) as LeadState;
  if (state.creating) {
    state.creating = false;
    const filled = state.filled ? { filledFromCompany: state.filled } : {};
    return { index: item.index, status: 'CREATED', leadId: state.id, ...filled };
  }
  const result = parseLeadFields(mergeLeadInput(state.fields, item.given));
  if (!result.ok) {
    // A stored value the rules refuse now (written before a rule tightened): the item cannot be applied.
    const problems = result.issues.map((issue) => ({ field: issue.path, message: issue.message }));
    return { index: item.index, status: 'REFUSED', problems };
  }
  const { fields } = respell(result.lead, spellings);
  if (sameLeadFields(state.fields, fields))
    return { index: item.index, status: 'UNCHANGED', leadId: state.id };
  state.fields = fields;
  state.changed = true;
  return { index: item.index, status: 'UPDATED', leadId: state.id };
}

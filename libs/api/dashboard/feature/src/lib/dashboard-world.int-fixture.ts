import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/**
 * A small workspace of recorded facts for the dashboard's integration tests, generated from a seed and written
 * straight into the fact tables: leads across segments and owners, their stage transitions, handovers with
 * every outcome, meetings (qualified or not), opportunities opened, re-priced, won and lost, and activity and
 * intent signals, from February to November 2026 under two agreement versions (v2 in force from 1 July).
 */
export interface World {
  workspaceId: string;
  versions: { id: string; number: number; effectiveAt: string; supersededAt: string | null }[];
  /** Rae is in team East, Sol in team West (Mia, in marketing, is in East too, and owns nothing). */
  reps: { id: string; name: string; team: string }[];
  marketingId: string;
  executiveId: string;
}

/** A deterministic generator (a linear congruential one), so a failure reproduces. */
class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (Math.imul(this.state, 1_103_515_245) + 12_345) >>> 0;
    return this.state / 2 ** 32;
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }
  between(low: number, high: number): number {
    return low + this.next() * (high - low);
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const WORLD_NOW = new Date('2026-11-25T09:00:00Z');
const V2_FROM = '2026-07-01T04:00:00.000Z';

const insert = (table: string, columns: string[], identity = false): string =>
  `INSERT INTO ${table} (${columns.join(', ')}) ${identity ? 'OVERRIDING SYSTEM VALUE' : ''}
   SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json)`;

const kpis = (mqlsPerMonth: number) => [
  {
    key: 'mqls',
    name: 'MQLs',
    definition: 'Leads that became MQLs, as both teams signed.',
    kind: 'OUTCOME',
    target: { value: mqlsPerMonth, period: 'MONTH' },
  },
  {
    key: 'sla-met',
    name: 'Within SLA',
    definition: 'Decided in time.',
    kind: 'OUTCOME',
    target: { value: 90, period: 'MONTH' },
  },
  {
    key: 'revenue-won',
    name: 'Revenue won',
    definition: 'Won.',
    kind: 'OUTCOME',
    target: { value: 30_000, period: 'QUARTER' },
  },
  { key: 'calls-made', name: 'Calls made', definition: 'Calls.', kind: 'ACTIVITY', target: null },
];

/** Creates the workspace (time zone America/New_York), its members and versions, and `leads` leads' facts. */
export async function buildWorld(
  manager: EntityManager,
  workspaceId: string,
  seed: number,
  leads: number,
  document: (mqlsPerMonth: number, repIds: string[]) => unknown,
): Promise<World> {
  const random = new Random(seed);
  const reps = [
    { id: randomUUID(), name: 'Rae', team: 'East' },
    { id: randomUUID(), name: 'Sol', team: 'West' },
  ];
  const marketingId = randomUUID();
  const executiveId = randomUUID();
  await manager.query(
    `INSERT INTO workspaces (id, name, time_zone) VALUES ($1, 'Dashboard', 'America/New_York')`,
    [workspaceId],
  );
  const tag = workspaceId.slice(0, 8);
  await manager.query(insert('members', ['workspace_id', 'id', 'email', 'name', 'roles', 'status', 'team']), [
    JSON.stringify([
      ...reps.map((rep) => ({
        workspace_id: workspaceId,
        id: rep.id,
        email: `${rep.name.toLowerCase()}@${tag}.example`,
        name: rep.name,
        roles: ['SALES'],
        status: 'ACTIVE',
        team: rep.team,
      })),
      {
        workspace_id: workspaceId,
        id: marketingId,
        email: `mia@${tag}.example`,
        name: 'Mia',
        roles: ['MARKETING'],
        status: 'ACTIVE',
        team: 'East',
      },
      {
        workspace_id: workspaceId,
        id: executiveId,
        email: `eve@${tag}.example`,
        name: 'Eve',
        roles: ['EXECUTIVE'],
        status: 'ACTIVE',
        team: null,
      },
    ]),
  ]);
  const versions = [
    { id: randomUUID(), number: 1, effectiveAt: '2026-01-01T05:00:00.000Z', supersededAt: V2_FROM },
    { id: randomUUID(), number: 2, effectiveAt: V2_FROM, supersededAt: null },
  ];
  await manager.query(
    insert('agreement_versions', [
      'workspace_id',
      'id',
      'number',
      'status',
      'document',
      'effective_at',
      'superseded_at',
      'published_at',
    ]),
    [
      JSON.stringify(
        versions.map((version) => ({
          workspace_id: workspaceId,
          id: version.id,
          number: version.number,
          status: 'PUBLISHED',
          document: document(
            version.number === 1 ? 40 : 10,
            reps.map((rep) => rep.id),
          ),
          effective_at: version.effectiveAt,
          superseded_at: version.supersededAt,
          published_at: version.effectiveAt,
        })),
      ),
    ],
  );
  const versionAt = (at: number) => (at < Date.parse(V2_FROM) ? versions[0].id : versions[1].id);
  const now = WORLD_NOW.getTime();

  const leadRows: Record<string, unknown>[] = [];
  const transitions: Record<string, unknown>[] = [];
  const handovers: Record<string, unknown>[] = [];
  const meetings: Record<string, unknown>[] = [];
  const opportunities: Record<string, unknown>[] = [];
  const opportunityTransitions: Record<string, unknown>[] = [];
  const signals: Record<string, unknown>[] = [];
  let transitionId = 1;
  let opportunityTransitionId = 1;
  const iso = (ms: number) => new Date(ms).toISOString();
  const stageOf = new Map<string, string>();
  const move = (leadId: string, from: string | null, to: string, at: number, actor: string | null) => {
    const id = transitionId++;
    stageOf.set(leadId, to);
    transitions.push({
      workspace_id: workspaceId,
      id,
      lead_id: leadId,
      from_stage: from,
      to_stage: to,
      version_id: versionAt(at),
      actor_id: actor,
      reason: 'generated',
      at: iso(at),
      handover_checked_at: iso(at),
    });
    return id;
  };

  for (let index = 0; index < leads; index++) {
    const leadId = randomUUID();
    const owner = random.pick([reps[0].id, reps[1].id, reps[0].id, null]);
    const created = Date.parse('2026-02-01T00:00:00Z') + Math.floor(random.between(0, 290) * DAY);
    leadRows.push({
      workspace_id: workspaceId,
      id: leadId,
      email: `lead${index}@${tag}.example`,
      first_name: `Lead${index}`,
      last_name: random.pick(['Ng', 'Ortiz', null]),
      company_name: `Company ${index % 17}`,
      employee_count: random.pick([8, 75, 150, 500, 2500, null]),
      industry: random.pick(['Software', 'Retail', 'Software', null]),
      country: random.pick(['US', 'DE', 'US']),
      source: random.pick(['webinar', 'ads', 'partner']),
      campaign: random.pick(['spring', 'fall', null]),
      owner_id: owner,
      created_at: iso(created),
    });
    move(leadId, null, 'LEAD', created, null);
    for (let s = 0, count = Math.floor(random.between(0, 7)); s < count; s++) {
      const at = created + Math.floor(random.between(0, 200) * DAY);
      if (at >= now) continue;
      signals.push({
        workspace_id: workspaceId,
        lead_id: leadId,
        external_id: `e${index}-${s}`,
        type: random.pick(['EMAIL_SENT', 'EMAIL_SENT', 'CALL_MADE', 'MEETING_BOOKED', 'PRICING_PAGE_VISIT']),
        occurred_at: iso(at),
        source: random.pick(['crm', null]),
      });
    }
    if (random.next() > 0.8) continue;
    const mqlAt = created + Math.floor(random.between(1, 20) * DAY);
    if (mqlAt >= now) continue;
    const mqlTransition = move(leadId, 'LEAD', 'MQL', mqlAt, null);
    const dueAt = mqlAt + 24 * HOUR;
    const outcome = random.next();
    const rep = owner ?? reps[1].id;
    const handover: Record<string, unknown> = {
      workspace_id: workspaceId,
      id: randomUUID(),
      lead_id: leadId,
      transition_id: mqlTransition,
      version_id: versionAt(mqlAt),
      owner_id: owner,
      grade: random.pick(['A', 'B', 'C']),
      temperature: 'HOT',
      temperature_rank: 2,
      outcome: 'MQL',
      fit_score: 70,
      intent_score: 60,
      explanation: 'generated',
      handed_over_at: iso(mqlAt),
      due_at: iso(dueAt),
      status: 'OPEN',
    };
    handovers.push(handover);
    let salAt: number | null = null;
    if (outcome < 0.8) {
      const decidedAt = mqlAt + Math.floor(random.between(1, 40) * HOUR);
      if (decidedAt < now) {
        const accepted = outcome < 0.55;
        Object.assign(handover, {
          status: accepted ? 'ACCEPTED' : 'REJECTED',
          decided_at: iso(decidedAt),
          decided_by: rep,
          within_sla: decidedAt <= dueAt,
          expired_at: decidedAt > dueAt ? iso(dueAt) : null,
          ...(accepted
            ? {}
            : random.next() < 0.5
              ? { reason_key: 'bad-fit', reason_label: 'Not our customer' }
              : { reason_key: 'no-budget', reason_label: 'No budget' }),
        });
        move(leadId, 'MQL', accepted ? 'SAL' : 'NURTURE', decidedAt, rep);
        if (accepted) salAt = decidedAt;
      }
    } else if (outcome < 0.92 && dueAt < now) {
      Object.assign(handover, { status: 'EXPIRED', expired_at: iso(dueAt) });
    }
    if (salAt === null) {
      // A meeting held before acceptance is activity, not an outcome.
      if (random.next() < 0.3 && mqlAt + DAY < now)
        meetings.push(meeting(workspaceId, leadId, rep, mqlAt + 2 * HOUR, 'HELD', false));
      continue;
    }
    if (random.next() < 0.7) {
      const at = salAt + Math.floor(random.between(0, 10) * DAY);
      if (at < now)
        meetings.push(meeting(workspaceId, leadId, rep, at, random.pick(['HELD', 'HELD', 'NO_SHOW']), null));
    }
    if (random.next() > 0.75) continue;
    const sqlAt = salAt + Math.floor(random.between(1, 15) * DAY);
    if (sqlAt >= now) continue;
    move(leadId, 'SAL', 'SQL', sqlAt, rep);
    if (random.next() > 0.75) continue;
    const openedAt = sqlAt + Math.floor(random.between(1, 10) * DAY);
    if (openedAt >= now) continue;
    move(leadId, 'SQL', 'OPPORTUNITY', openedAt, rep);
    const opportunityId = randomUUID();
    const opening = Math.round(random.between(1_000, 50_000) * 100) / 100;
    const repriced = Math.round(random.between(1_000, 60_000) * 100) / 100;
    const oppTransition = (from: string | null, to: string, amount: number, at: number) =>
      opportunityTransitions.push({
        workspace_id: workspaceId,
        id: opportunityTransitionId++,
        opportunity_id: opportunityId,
        from_stage: from,
        to_stage: to,
        amount,
        actor_id: rep,
        version_id: versionAt(at),
        at: iso(at),
      });
    oppTransition(null, 'DISCOVERY', opening, openedAt);
    let oppStage = 'DISCOVERY';
    const demoAt = openedAt + 2 * DAY;
    if (demoAt < now) {
      oppTransition('DISCOVERY', 'DEMO', opening, demoAt);
      oppTransition('DEMO', 'DEMO', repriced, demoAt + HOUR);
      oppStage = 'DEMO';
    }
    const closedAt = openedAt + Math.floor(random.between(5, 60) * DAY);
    const closes = oppStage === 'DEMO' && closedAt < now && random.next() < 0.7;
    const won = random.next() < 0.6;
    if (closes) {
      oppStage = won ? 'WON' : 'LOST';
      oppTransition('DEMO', oppStage, repriced, closedAt);
      move(leadId, 'OPPORTUNITY', oppStage, closedAt, rep);
    }
    opportunities.push({
      workspace_id: workspaceId,
      id: opportunityId,
      lead_id: leadId,
      owner_id: rep,
      stage: oppStage,
      amount: oppStage === 'DISCOVERY' ? opening : repriced,
      currency: 'USD',
      close_date: closes ? iso(closedAt).slice(0, 10) : null,
      closed_at: closes ? iso(closedAt) : null,
      lost_reason: closes && !won ? 'Went elsewhere' : null,
      opened_at: iso(openedAt),
      updated_at: iso(closes ? closedAt : openedAt),
    });
  }

  const write = async (table: string, rows: Record<string, unknown>[], identity = false) => {
    if (rows.length === 0) return;
    await manager.query(insert(table, Object.keys(rows[0]), identity), [JSON.stringify(rows)]);
  };
  // Every row of a table carries the same keys (missing ones as null) so one column list fits all.
  const complete = (rows: Record<string, unknown>[]) => {
    const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    return rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key] ?? null])));
  };
  for (const row of leadRows) row['stage'] = stageOf.get(row['id'] as string);
  await write('leads', complete(leadRows));
  await write('lead_transitions', transitions, true);
  await write('handovers', complete(handovers));
  await write('meetings', meetings);
  await write('opportunities', opportunities);
  await write('opportunity_transitions', opportunityTransitions, true);
  await write('signals', signals);
  return { workspaceId, versions, reps, marketingId, executiveId };
}

function meeting(
  workspaceId: string,
  leadId: string,
  ownerId: string,
  at: number,
  status: string,
  qualified: boolean | null,
): Record<string, unknown> {
  return {
    workspace_id: workspaceId,
    id: randomUUID(),
    lead_id: leadId,
    owner_id: ownerId,
    scheduled_at: new Date(at).toISOString(),
    title: 'Intro call',
    status,
    qualified: qualified ?? status === 'HELD',
    booked_at: new Date(at - 3 * DAY).toISOString(),
  };
}

export { kpis as worldKpis };

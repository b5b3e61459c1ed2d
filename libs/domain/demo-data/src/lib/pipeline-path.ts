import type { LifecycleStage } from '@accord/domain/leads';
import { type OpportunityStage, calendarDateIn } from '@accord/domain/pipeline';

import { nextQuarterStart, workingTime } from './calendar';
import type { LeadHistory, MeetingRow, OpportunityRow, SeedVersion, WorkspacePlan } from './model';
import type { Random } from './random';
import { LOST_REASONS } from './vocabulary';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface PipelineContext {
  plan: WorkspacePlan;
  ownerId: string;
  acceptedAt: Date;
  /** 0–1: how likely this lead is to meet, qualify and buy. */
  quality: number;
  company: string | null;
  employees: number | null;
  versionAt(at: Date): SeedVersion;
  move(to: LifecycleStage, at: Date, actorId: string, reason: string): void;
}

/** A typical first-year deal for a company of this size, before negotiation. */
function dealSize(employees: number | null, random: Random): number {
  const base =
    employees === null
      ? 15_000
      : employees < 50
        ? 6_000
        : employees < 200
          ? 18_000
          : employees < 1000
            ? 42_000
            : 110_000;
  return Math.max(1_000, Math.round((base * Math.exp(0.45 * random.normal())) / 100) * 100);
}

/**
 * What sales do with an accepted lead, as the product records it: outreach (EMAIL_SENT, CALL_MADE), a meeting
 * booked (MEETING_BOOKED) and held or missed, the SQL checklist answered, an opportunity opened and moved to
 * WON or LOST. Better leads meet, qualify, open and win more often; nothing happens after the plan's `now`.
 */
export function workPipeline(history: LeadHistory, random: Random, context: PipelineContext): void {
  const { plan, ownerId, acceptedAt, quality } = context;
  const now = plan.now.getTime();
  let activity = 0;
  const signal = (type: string, at: number) => {
    if (at < now)
      history.signals.push({
        externalId: `seed-act-${history.lead.id}-${activity++}`,
        type,
        occurredAt: new Date(at),
        source: 'crm',
      });
  };
  let t = acceptedAt.getTime();
  signal('EMAIL_SENT', t + random.int(10, 240) * 60_000);
  if (random.chance(0.6)) signal('CALL_MADE', t + random.between(0.2, 2) * DAY_MS);
  for (let k = random.int(0, 3); k > 0; k--) signal('EMAIL_SENT', t + random.between(1, 20) * DAY_MS);

  // A meeting: booked within days, held a few days later (or missed, or cancelled), marked once it happened.
  let heldAt: number | null = null;
  if (random.chance(0.3 + 0.6 * quality)) {
    for (let attempt = 0; attempt < 2 && heldAt === null; attempt++) {
      const bookedAt = t + random.between(0.1, 4) * DAY_MS;
      if (bookedAt >= now) break;
      const scheduledAt = workingTime(new Date(bookedAt + random.between(1, 9) * DAY_MS), random.int(0, 539));
      const meeting: MeetingRow = {
        id: random.uuid(),
        ownerId,
        scheduledAt,
        title: `Discovery call${context.company ? ` with ${context.company}` : ''}`,
        status: 'BOOKED',
        qualified: false,
        bookedById: ownerId,
        bookedAt: new Date(bookedAt),
        markedById: null,
        markedAt: null,
      };
      history.meetings.push(meeting);
      signal('MEETING_BOOKED', bookedAt);
      const markedAt = scheduledAt.getTime() + random.between(0.5, 20) * HOUR_MS;
      const r = random.next();
      if (r < 0.06) {
        const cancelledAt = bookedAt + random.next() * (scheduledAt.getTime() - bookedAt);
        if (cancelledAt < now)
          Object.assign(meeting, {
            status: 'CANCELLED',
            markedById: ownerId,
            markedAt: new Date(cancelledAt),
          });
        break;
      }
      if (markedAt >= now) break;
      const held = r < 0.06 + 0.94 * (0.65 + 0.3 * quality);
      // Accepted before it took place, so a held meeting is a qualified meeting held.
      Object.assign(meeting, {
        status: held ? 'HELD' : 'NO_SHOW',
        qualified: held,
        markedById: ownerId,
        markedAt: new Date(markedAt),
      });
      if (held) heldAt = markedAt;
      t = markedAt;
    }
  }

  // The SQL checklist, answered after the meeting (sometimes on a call instead).
  const version = context.versionAt(acceptedAt);
  const { checklist, minimumMet } = version.document.sql;
  const answerAt = heldAt ?? (random.chance(0.25) ? t + random.between(2, 12) * DAY_MS : null);
  if (answerAt === null || answerAt >= now || checklist.length === 0) return;
  const answeredAt = new Date(answerAt + random.between(0.1, 24) * HOUR_MS);
  if (answeredAt.getTime() >= now) return;
  let met = 0;
  for (const item of checklist) {
    const holds = random.chance(0.35 + 0.6 * quality);
    if (holds) met += 1;
    history.qualifications.push({
      itemKey: item.key,
      met: holds,
      note: null,
      versionId: version.id,
      answeredBy: ownerId,
      answeredAt,
    });
  }
  if (met < minimumMet) return;
  context.move('SQL', answeredAt, ownerId, `qualified: ${met} of ${checklist.length} checklist items hold`);

  // The opportunity: opened on most SQLs, moved forward stage by stage, won or lost; late ones are still open.
  if (!random.chance(0.45 + 0.45 * quality)) return;
  const openedMs = answeredAt.getTime() + random.between(0.2, 7) * DAY_MS;
  if (openedMs >= now) return;
  const openedAt = new Date(openedMs);
  let amount = dealSize(context.employees, random);
  const opportunity: OpportunityRow = {
    id: random.uuid(),
    name: `${context.company ?? history.lead.lastName} — first year`,
    ownerId,
    stage: 'DISCOVERY',
    amount,
    currency: 'USD',
    closeDate: null,
    lostReason: null,
    revision: 1,
    openedById: ownerId,
    openedAt,
    closedAt: null,
    updatedAt: openedAt,
    transitions: [
      {
        fromStage: null,
        toStage: 'DISCOVERY',
        amount,
        actorId: ownerId,
        versionId: context.versionAt(openedAt).id,
        at: openedAt,
      },
    ],
  };
  history.opportunities.push(opportunity);
  context.move('OPPORTUNITY', openedAt, ownerId, 'opportunity opened');

  const wins = random.chance(0.12 + 0.55 * quality);
  const path: OpportunityStage[] =
    amount > 30_000 || random.chance(0.5)
      ? ['DEMO', 'PROOF_OF_CONCEPT', 'NEGOTIATION']
      : ['DEMO', 'NEGOTIATION'];
  // A lost deal dies at some stage along the way.
  const lostAfter = wins ? path.length : random.int(0, path.length);
  const stepDays = 6 + Math.log10(amount) * 3;
  let at = openedMs;
  const step = (to: OpportunityStage, time: number, newAmount = amount) => {
    const date = new Date(time);
    opportunity.transitions.push({
      fromStage: opportunity.stage,
      toStage: to,
      amount: newAmount,
      actorId: ownerId,
      versionId: context.versionAt(date).id,
      at: date,
    });
    opportunity.stage = to;
    opportunity.amount = newAmount;
    opportunity.revision += 1;
    opportunity.updatedAt = date;
  };
  for (let index = 0; index < lostAfter; index++) {
    at += (2 + random.exponential(stepDays)) * DAY_MS;
    if (at >= now) return;
    step(path[index], at);
    if (path[index] === 'NEGOTIATION' && random.chance(0.4)) {
      // Re-priced in negotiation: a discount, sometimes an upsell. A change of amount keeps the stage.
      at += random.between(1, 6) * DAY_MS;
      if (at >= now) return;
      amount = Math.round((amount * random.between(0.78, 1.08)) / 100) * 100;
      step('NEGOTIATION', at, amount);
    }
  }
  let closeMs = at + (2 + random.exponential(stepDays)) * DAY_MS;
  // The end-of-quarter push: deals about to close are pulled into the quarter's last days.
  const quarterEnd = nextQuarterStart(new Date(closeMs)).getTime();
  if (wins && quarterEnd - closeMs < 25 * DAY_MS && random.chance(0.6))
    closeMs = Math.max(at + HOUR_MS, quarterEnd - random.between(0.2, 4) * DAY_MS);
  if (closeMs >= now) return;
  const closedAt = new Date(closeMs);
  const lostReason = wins ? null : random.weighted(LOST_REASONS);
  step(wins ? 'WON' : 'LOST', closeMs);
  Object.assign(opportunity, {
    closedAt,
    closeDate: calendarDateIn(closedAt, plan.timeZone),
    lostReason,
  });
  context.move(
    wins ? 'WON' : 'LOST',
    closedAt,
    ownerId,
    wins ? 'opportunity won' : `opportunity lost: ${lostReason}`,
  );
}

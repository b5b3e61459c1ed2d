import type { LeadTransitionEntity } from '@accord/api/leads/data-access';
import type {
  MeetingEntity,
  OpportunityEntity,
  OpportunityTransitionEntity,
} from '@accord/api/pipeline/data-access';
import { LIFECYCLE_STAGE_LABELS } from '@accord/domain/leads';
import { OPPORTUNITY_STAGE_LABELS, formatAmount, zonedMinute } from '@accord/domain/pipeline';

import type { LeadTimelineEntry } from './models/pipeline.model';

export interface TimelineFacts {
  stages: LeadTransitionEntity[];
  meetings: MeetingEntity[];
  opportunities: OpportunityEntity[];
  opportunityTransitions: OpportunityTransitionEntity[];
  names: Map<string, string>;
  numbers: Map<string, number>;
  /** The workspace's: a meeting's time reads as the team agreed it ("09:00 Europe/Paris"), not in UTC. */
  timeZone: string;
}

const MARK_WORDS = {
  HELD: 'held',
  NO_SHOW: 'missed (no-show)',
  CANCELLED: 'cancelled',
  BOOKED: 'booked',
} as const;

/**
 * A lead's stage changes, meetings and opportunity changes as one list, newest first. The summaries are read as they
 * are, so they name stages and write amounts as the web app does (the domain's labels and `formatAmount`).
 */
export function leadTimeline(facts: TimelineFacts): LeadTimelineEntry[] {
  const name = (id: string | null) => (id ? (facts.names.get(id) ?? null) : null);
  const version = (id: string | null) => (id ? (facts.numbers.get(id) ?? null) : null);
  const currencyOf = new Map(
    facts.opportunities.map((opportunity) => [opportunity.id, opportunity.currency]),
  );
  const entries: (LeadTimelineEntry & { order: number })[] = [];
  // Stage changes come newest first; entries go in oldest first, so that position breaks ties in time.
  for (const stage of [...facts.stages].reverse())
    entries.push({
      order: 0,
      at: stage.at,
      kind: 'LEAD_STAGE',
      summary: `${stage.fromStage ? `${LIFECYCLE_STAGE_LABELS[stage.fromStage]} → ` : ''}${LIFECYCLE_STAGE_LABELS[stage.toStage]}: ${stage.reason}`,
      fromStage: stage.fromStage,
      toStage: stage.toStage,
      amount: null,
      subjectId: null,
      actorName: name(stage.actorId),
      versionNumber: version(stage.versionId),
    });
  for (const meeting of [...facts.meetings].reverse()) {
    const what = meeting.title ? `Meeting “${meeting.title}”` : 'Meeting';
    entries.push({
      order: 1,
      at: meeting.bookedAt,
      kind: 'MEETING_BOOKED',
      summary: `${what} booked for ${zonedMinute(meeting.scheduledAt.toISOString(), facts.timeZone)} ${facts.timeZone}`,
      fromStage: null,
      toStage: null,
      amount: null,
      subjectId: meeting.id,
      actorName: name(meeting.bookedById),
      versionNumber: null,
    });
    if (meeting.markedAt)
      entries.push({
        order: 2,
        at: meeting.markedAt,
        kind: 'MEETING_MARKED',
        summary: `${what} ${MARK_WORDS[meeting.status]}${meeting.qualified ? ' — a qualified meeting held' : ''}`,
        fromStage: 'BOOKED',
        toStage: meeting.status,
        amount: null,
        subjectId: meeting.id,
        actorName: name(meeting.markedById),
        versionNumber: null,
      });
  }
  for (const change of facts.opportunityTransitions) {
    const amount = formatAmount(change.amount, currencyOf.get(change.opportunityId) ?? 'USD');
    const to = OPPORTUNITY_STAGE_LABELS[change.toStage];
    const summary =
      change.fromStage === null
        ? `Opportunity opened in ${to} at ${amount}`
        : change.fromStage === change.toStage
          ? `Opportunity amount changed to ${amount}`
          : `Opportunity ${OPPORTUNITY_STAGE_LABELS[change.fromStage]} → ${to} at ${amount}`;
    entries.push({
      order: 3,
      at: change.at,
      kind: 'OPPORTUNITY',
      summary,
      fromStage: change.fromStage,
      toStage: change.toStage,
      amount: change.amount,
      subjectId: change.opportunityId,
      actorName: name(change.actorId),
      versionNumber: version(change.versionId),
    });
  }
  // Newest first; at one instant, the cause (an opportunity change) before its effect (the lead's stage).
  return entries
    .map((entry, position) => ({ entry, position }))
    .sort(
      (a, b) =>
        b.entry.at.getTime() - a.entry.at.getTime() ||
        b.entry.order - a.entry.order ||
        b.position - a.position,
    )
    .map(({ entry: { order: _order, ...entry } }) => entry);
}

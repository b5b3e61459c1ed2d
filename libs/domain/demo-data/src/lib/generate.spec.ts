import { starterAgreement } from '@accord/domain/agreement';
import { summarySignals } from '@accord/domain/leads';
import { evaluateLead, prepareScoring } from '@accord/domain/scoring';

import { WorkspaceGenerator } from './generate';
import { leadFacts, summaryOf } from './lead-row';
import type { LeadHistory, WorkspacePlan } from './model';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const START = new Date('2025-09-25T00:00:00.000Z');
const REPS = ['r1', 'r2', 'r3', 'r4'].map((id) => `00000000-0000-4000-8000-0000000000${id.slice(1)}f`);

function plan(overrides: Partial<WorkspacePlan> = {}): WorkspacePlan {
  return {
    workspaceId: '00000000-0000-4000-8000-00000000acc0',
    seed: 42,
    leads: 3000,
    start: START,
    now: NOW,
    versions: [
      {
        id: '00000000-0000-4000-8000-0000000000v1'.replace('v1', 'b1'),
        number: 1,
        effectiveAt: new Date(START.getTime() - 86_400_000),
        document: starterAgreement(REPS),
      },
    ],
    reps: REPS.map((id, index) => ({ id, manager: index === 0 })),
    creatorId: '00000000-0000-4000-8000-0000000000a2',
    timeZone: 'UTC',
    ...overrides,
  };
}

const histories: LeadHistory[] = [...new WorkspaceGenerator(plan()).leads()];
const at = (date: Date | null) => date?.getTime() ?? NaN;

/** Of the handovers with this grade, the share that ended as the given lead stage (or later). */
function rate(grade: string, reached: (history: LeadHistory) => boolean): number {
  const handedOver = histories.filter((history) => history.handovers[0]?.grade === grade);
  return handedOver.filter(reached).length / handedOver.length;
}
const stages = (history: LeadHistory) => history.transitions.map((transition) => transition.toStage);

describe('WorkspaceGenerator', () => {
  it('repeats itself for a seed and differs for another', () => {
    const again = [...new WorkspaceGenerator(plan()).leads()];
    expect(again).toEqual(histories);
    const other = [...new WorkspaceGenerator(plan({ seed: 7 })).leads()].slice(0, 50);
    expect(other.map((history) => history.lead.email)).not.toEqual(
      again.slice(0, 50).map((history) => history.lead.email),
    );
  });

  it('gives every row a unique id and every lead a unique e-mail', () => {
    const ids = histories.flatMap((history) => [
      history.lead.id,
      ...history.handovers.map((handover) => handover.id),
      ...history.meetings.map((meeting) => meeting.id),
      ...history.opportunities.map((opportunity) => opportunity.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(histories.map((history) => history.lead.email)).size).toBe(histories.length);
  });

  it('dates nothing before the lead exists or after now, and keeps each history in order', () => {
    for (const { lead, transitions, signals, handovers, meetings, opportunities } of histories) {
      const created = at(lead.createdAt);
      const times = [
        ...transitions.map((transition) => at(transition.at)),
        ...signals.map((signal) => at(signal.occurredAt)),
        ...handovers.flatMap((handover) => handover.events.map((event) => at(event.at))),
        ...meetings.map((meeting) => at(meeting.bookedAt)),
        ...opportunities.flatMap((opportunity) => opportunity.transitions.map((t) => at(t.at))),
      ];
      expect(times.every((time) => time >= created && time < NOW.getTime())).toBe(true);
      const moves = transitions.map((transition) => at(transition.at));
      expect(moves).toEqual([...moves].sort((a, b) => a - b));
      expect(transitions[0]).toMatchObject({ fromStage: null, toStage: 'LEAD', reason: 'created' });
      transitions
        .slice(1)
        .forEach((transition, index) => expect(transition.fromStage).toBe(transitions[index].toStage));
      expect(transitions.at(-1)?.toStage).toBe(lead.stage);
      expect(lead.stageChangedAt).toEqual(transitions.at(-1)?.at);
    }
  });

  it('spreads creation over the period with quieter summers and Decembers', () => {
    const byMonth = new Map<string, number>();
    for (const { lead } of histories) {
      const key = lead.createdAt.toISOString().slice(0, 7);
      byMonth.set(key, (byMonth.get(key) ?? 0) + 1);
    }
    expect(byMonth.size).toBeGreaterThanOrEqual(14);
    expect(byMonth.get('2026-08')!).toBeLessThan(byMonth.get('2026-09')! * 0.75);
    expect(byMonth.get('2025-12')!).toBeLessThan(byMonth.get('2025-11')! * 0.75);
  });

  it('opens a handover for every move into MQL, under the version and with the routing of the agreement', () => {
    const problems: string[] = [];
    for (const { transitions, handovers, lead } of histories) {
      const mqls = transitions.flatMap((transition, index) => (transition.toStage === 'MQL' ? [index] : []));
      if (handovers.map((handover) => handover.transition).join() !== mqls.join())
        problems.push(`${lead.email}: handovers are not its moves into MQL`);
      for (const handover of handovers) {
        if (!REPS.includes(handover.ownerId ?? '')) problems.push(`${handover.id}: not routed to a rep`);
        if (at(handover.dueAt) <= at(handover.handedOverAt))
          problems.push(`${handover.id}: due before handed over`);
        if (handover.events[0].kind !== 'CREATED' || at(handover.events[0].at) !== at(handover.handedOverAt))
          problems.push(`${handover.id}: does not start with CREATED`);
      }
      const undecided = handovers.filter((handover) => handover.decidedAt === null);
      if (undecided.length > 1 || (undecided.length === 1 && lead.stage !== 'MQL'))
        problems.push(`${lead.email}: undecided handover of a lead that is not an MQL`);
    }
    expect(problems).toEqual([]);
  });

  it('follows accepted handovers with SAL, rejected ones with nurture or disqualification, late ones with an expiry', () => {
    const problems: string[] = [];
    for (const { transitions, handovers } of histories) {
      for (const handover of handovers) {
        const next = transitions[handover.transition + 1];
        const expected = { ACCEPTED: ['SAL'], REJECTED: ['NURTURE', 'DISQUALIFIED'], OPEN: [], EXPIRED: [] }[
          handover.status
        ];
        if (
          handover.decidedAt &&
          !(expected.includes(next.toStage) && at(next.at) === at(handover.decidedAt))
        )
          problems.push(`${handover.id}: ${handover.status} followed by ${next.toStage}`);
        const expired = handover.events.some((event) => event.kind === 'EXPIRED');
        if (expired !== (handover.expiredAt !== null))
          problems.push(`${handover.id}: expiry without its event`);
        if (handover.decidedAt && handover.withinSla === expired)
          problems.push(`${handover.id}: withinSla ${handover.withinSla} but expired ${expired}`);
        // Nothing overdue waits in the queue: past due means decided (late) by now.
        if (handover.decidedAt === null && at(handover.dueAt) <= NOW.getTime())
          problems.push(`${handover.id}: overdue and undecided`);
      }
    }
    expect(problems).toEqual([]);
    const all = histories.flatMap((history) => history.handovers);
    const count = (status: string) => all.filter((handover) => handover.status === status).length;
    expect([count('ACCEPTED'), count('REJECTED')].every((n) => n > 0)).toBe(true);
    expect(
      all.filter((handover) => handover.expiredAt !== null && handover.decidedAt !== null).length,
    ).toBeGreaterThan(0);
    expect(all.filter((handover) => handover.withinSla === false).length).toBeGreaterThan(0);
    expect(new Set(all.map((handover) => handover.decidedBy)).size).toBeGreaterThan(3);
  });

  it('rejects poor fits as outside the ICP and weak contacts as wrong contacts', () => {
    const rejected = histories.flatMap((history) => history.handovers).filter((h) => h.status === 'REJECTED');
    const share = (grades: string[], key: string) => {
      const some = rejected.filter((handover) => grades.includes(handover.grade));
      return some.filter((handover) => handover.reasonKey === key).length / some.length;
    };
    expect(share(['C', 'D'], 'not-icp')).toBeGreaterThan(share(['A'], 'not-icp'));
    const byContact = (seniorities: (string | null)[]) => {
      const some = histories.flatMap((history) =>
        seniorities.includes(history.lead.seniority)
          ? history.handovers.filter((handover) => handover.status === 'REJECTED')
          : [],
      );
      return some.filter((handover) => handover.reasonKey === 'wrong-contact').length / some.length;
    };
    expect(byContact(['INDIVIDUAL', 'STUDENT', null])).toBeGreaterThan(
      byContact(['C_LEVEL', 'VP', 'DIRECTOR']),
    );
  });

  it('opens opportunities only on qualified leads, and closes them won or lost with what closing needs', () => {
    const problems: string[] = [];
    for (const history of histories) {
      const list = stages(history);
      const name = history.lead.email;
      for (const opportunity of history.opportunities) {
        const closed = opportunity.stage === 'WON' || opportunity.stage === 'LOST';
        const checks: [boolean, string][] = [
          [opportunity.amount > 0, 'amount not positive'],
          [
            list.indexOf('SQL') > list.indexOf('SAL') && list.indexOf('SAL') > -1,
            'not accepted and qualified',
          ],
          [list.indexOf('OPPORTUNITY') > list.indexOf('SQL'), 'opened before qualified'],
          [opportunity.transitions[0].toStage === 'DISCOVERY', 'did not open in discovery'],
          [
            closed === (opportunity.closedAt !== null && opportunity.closeDate !== null),
            'closed without a date',
          ],
          [(opportunity.stage === 'LOST') === (opportunity.lostReason !== null), 'lost reason'],
          [!closed || history.lead.stage === opportunity.stage, 'lead stage does not follow the close'],
          [
            !closed || opportunity.closeDate! >= opportunity.openedAt.toISOString().slice(0, 10),
            'closed before it opened',
          ],
        ];
        problems.push(...checks.filter(([ok]) => !ok).map(([, problem]) => `${name}: ${problem}`));
      }
      if (list.includes('WON') && !history.opportunities.some((o) => o.stage === 'WON'))
        problems.push(`${name}: WON without a won opportunity`);
      if (list.includes('SQL') && history.qualifications.filter((answer) => answer.met).length < 3)
        problems.push(`${name}: SQL with fewer than 3 items met`);
      for (const meeting of history.meetings) {
        if (meeting.qualified !== (meeting.status === 'HELD'))
          problems.push(`${name}: held but not qualified`);
        if (meeting.markedAt && at(meeting.markedAt) < at(meeting.bookedAt))
          problems.push(`${name}: marked before booked`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('converts better grades better: A > B > C > D at acceptance, SQL and win', () => {
    for (const [stage, reached] of [
      ['SAL', (h: LeadHistory) => stages(h).includes('SAL')],
      ['SQL', (h: LeadHistory) => stages(h).includes('SQL')],
      ['WON', (h: LeadHistory) => stages(h).includes('WON')],
    ] as const) {
      const rates = ['A', 'B', 'C', 'D'].map((grade) => rate(grade, reached));
      expect([stage, rates]).toEqual([stage, [...rates].sort((a, b) => b - a)]);
    }
  });

  it('stores the summary and the evaluation the product would compute', () => {
    const version = plan().versions[0];
    const score = prepareScoring(version.document);
    for (const { lead, signals, evaluation } of histories.slice(0, 300)) {
      expect(lead.signalSummary).toEqual(summaryOf(signals));
      expect(lead.signalCount).toBe(signals.length);
      const evaluated = evaluateLead({
        lead: leadFacts(lead),
        signals: summarySignals(lead.signalSummary),
        version,
        now: NOW,
      });
      expect(evaluation).toMatchObject({
        versionId: version.id,
        fitScore: evaluated.fit.score,
        grade: evaluated.fit.grade,
        intentScore: evaluated.intent.score,
        temperature: evaluated.intent.temperature,
        outcome: evaluated.outcome,
      });
      expect(score(leadFacts(lead), lead.signalSummary, NOW.getTime()).outcome).toBe(evaluated.outcome);
    }
  });

  it('covers the ICP and off-ICP: every grade, every temperature, every stage', () => {
    const grades = new Set(histories.map((history) => history.evaluation?.grade));
    const leadStages = new Set(histories.map((history) => history.lead.stage));
    expect([...grades].sort()).toEqual(['A', 'B', 'C', 'D']);
    const temperatures = new Set(histories.map((history) => history.evaluation?.temperature));
    expect([...temperatures].sort()).toEqual(['COLD', 'HOT', 'WARM']);
    // MQL only while a handover waits: a team that keeps up leaves few or none.
    for (const stage of ['NURTURE', 'SAL', 'SQL', 'OPPORTUNITY', 'WON', 'LOST', 'DISQUALIFIED'])
      expect([stage, leadStages.has(stage as never)]).toEqual([stage, true]);
  });
});

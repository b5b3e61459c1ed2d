import { type Routing, starterAgreement } from '@accord/domain/agreement';

import { checkDecision, checkReassign, decisionOutcome, isSalesManager } from './decision';
import { compareQueueOrder } from './priority';
import { mayQualify, qualificationOf, unknownChecklistKeys } from './qualification';
import { routeLeads } from './routing';
import { decidedWithinSla, handoverDueAt, isOverdue } from './sla';

const [ann, bob, cat, dan] = ['a', 'b', 'c', 'd'].map(
  (letter) => `${letter.repeat(8)}-0000-4000-8000-000000000000`,
);
const everyone = new Set([ann, bob, cat, dan]);
const document = starterAgreement([ann, bob]);
const reasons = document.rejectionReasons;
const rep = { id: ann, roles: ['SALES' as const], approver: false };
const manager = { id: dan, roles: ['SALES' as const], approver: true };

describe('routeLeads', () => {
  it('deals round-robin leads in turn and carries the turn over to the next batch', () => {
    const routing: Routing = { mode: 'ROUND_ROBIN', memberIds: [ann, bob, cat] };
    const first = routeLeads(routing, [{ country: null }, { country: 'FR' }], {}, everyone);
    const second = routeLeads(routing, [{ country: null }, { country: null }], first.cursors, everyone);
    expect([...first.ownerIds, ...second.ownerIds]).toEqual([ann, bob, cat, ann]);
  });

  it('skips members who are no longer active, and leaves a lead unassigned when nobody is', () => {
    const routing: Routing = { mode: 'ROUND_ROBIN', memberIds: [ann, bob, cat] };
    expect(routeLeads(routing, [{ country: null }, { country: null }], {}, new Set([cat])).ownerIds).toEqual([
      cat,
      cat,
    ]);
    expect(routeLeads(routing, [{ country: null }], {}, new Set()).ownerIds).toEqual([null]);
  });

  it('leaves every lead unassigned under a team with no one in it yet, keeping the turns as they were', () => {
    const routing: Routing = { mode: 'ROUND_ROBIN', memberIds: [] };
    expect(
      routeLeads(routing, [{ country: null }, { country: 'FR' }], { 'round-robin': 2 }, everyone),
    ).toEqual({
      ownerIds: [null, null],
      cursors: { 'round-robin': 2 },
    });
  });

  it('sends leads to their territory team, and others or orphans to the fallback team', () => {
    const routing: Routing = {
      mode: 'TERRITORY',
      territories: [
        { key: 'emea', label: 'EMEA', countries: ['FR', 'DE'], memberIds: [ann, bob] },
        { key: 'us', label: 'US', countries: ['US'], memberIds: [cat] },
      ],
      fallbackMemberIds: [dan],
    };
    const routed = routeLeads(
      routing,
      [
        { country: 'fr' },
        { country: 'DE' },
        { country: 'US' },
        { country: 'BR' },
        { country: null },
        { country: 'FR' },
      ],
      {},
      new Set([ann, bob, dan]),
    );
    // cat is inactive, so the US lead falls back to dan.
    expect(routed.ownerIds).toEqual([ann, bob, dan, dan, dan, ann]);
  });
});

describe('SLA', () => {
  it('gives each temperature its hours from hand-over, and counts a decision at the due time as in time', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const slaHours = { HOT: 4, WARM: 24, COLD: 72 };
    const due = handoverDueAt(at, 'HOT', slaHours);
    expect(due.toISOString()).toBe('2026-03-01T14:00:00.000Z');
    expect(decidedWithinSla(due, due)).toBe(true);
    expect(decidedWithinSla(new Date(due.getTime() + 1), due)).toBe(false);
    expect(isOverdue({ decidedAt: null, dueAt: due }, new Date(due.getTime() + 1))).toBe(true);
    expect(isOverdue({ decidedAt: due, dueAt: due }, new Date(due.getTime() + 1))).toBe(false);
  });
});

describe('decisions', () => {
  const open = { status: 'OPEN' as const, ownerId: ann };

  it('lets the owner or a manager decide, once', () => {
    expect(checkDecision(open, rep, { kind: 'ACCEPT' }, reasons)).toBeNull();
    expect(checkDecision(open, { ...rep, id: bob }, { kind: 'ACCEPT' }, reasons)).toBe('NOT_YOURS');
    expect(checkDecision(open, manager, { kind: 'ACCEPT' }, reasons)).toBeNull();
    expect(checkDecision({ ...open, status: 'EXPIRED' }, rep, { kind: 'ACCEPT' }, reasons)).toBeNull();
    expect(checkDecision({ ...open, status: 'ACCEPTED' }, rep, { kind: 'ACCEPT' }, reasons)).toBe(
      'ALREADY_DECIDED',
    );
  });

  it('takes only the version’s reasons and a bounded note', () => {
    const reject = (reasonKey: string, note: string | null = null) => ({
      kind: 'REJECT' as const,
      reasonKey,
      note,
    });
    expect(checkDecision(open, rep, reject('no-budget'), reasons)).toBeNull();
    expect(checkDecision(open, rep, reject('made-up'), reasons)).toBe('UNKNOWN_REASON');
    expect(checkDecision(open, rep, reject('no-budget', 'x'.repeat(2001)), reasons)).toBe('NOTE_TOO_LONG');
  });

  it('takes a note laid out with tabs and line breaks, but no other control character', () => {
    const reject = (note: string) => ({ kind: 'REJECT' as const, reasonKey: 'no-budget', note });
    expect(
      ['Call back in Q3:\r\n\t- budget frozen', 'ring\u0007', '\u001b[31mred', 'nul\u0000', 'del\u007f'].map(
        (note) => checkDecision(open, rep, reject(note), reasons),
      ),
    ).toEqual([
      null,
      'NOTE_HAS_CONTROL_CHARACTERS',
      'NOTE_HAS_CONTROL_CHARACTERS',
      'NOTE_HAS_CONTROL_CHARACTERS',
      'NOTE_HAS_CONTROL_CHARACTERS',
    ]);
  });

  it('applies the reason’s consequence from the decision', () => {
    const at = new Date('2026-03-01T00:00:00Z');
    expect(decisionOutcome({ kind: 'ACCEPT' }, reasons, at)).toMatchObject({
      status: 'ACCEPTED',
      stage: 'SAL',
    });
    const recycled = decisionOutcome({ kind: 'REJECT', reasonKey: 'not-ready', note: null }, reasons, at);
    expect(recycled).toMatchObject({ status: 'REJECTED', stage: 'NURTURE' });
    expect(recycled.recycleUntil?.toISOString()).toBe('2026-04-30T00:00:00.000Z');
    const disqualifying = reasons.find((reason) => reason.consequence === 'DISQUALIFY');
    expect(disqualifying).toBeDefined();
    expect(
      decisionOutcome({ kind: 'REJECT', reasonKey: disqualifying?.key ?? '', note: null }, reasons, at),
    ).toMatchObject({ stage: 'DISQUALIFIED', recycleUntil: null });
  });

  it('calls sales approvers and admins managers, and lets only them reassign', () => {
    expect([
      isSalesManager(rep),
      isSalesManager(manager),
      isSalesManager({ roles: ['ADMIN'], approver: false }),
      isSalesManager({ roles: ['MARKETING'], approver: true }),
    ]).toEqual([false, true, true, false]);
    expect(checkReassign(open, rep, bob)).toBe('NOT_A_MANAGER');
    expect(checkReassign(open, manager, ann)).toBe('SAME_OWNER');
    expect(checkReassign(open, manager, bob)).toBeNull();
    expect(checkReassign({ ...open, status: 'REJECTED' }, manager, bob)).toBe('ALREADY_DECIDED');
  });
});

describe('mayQualify', () => {
  const accepted = { ownerId: 'jo', decidedById: 'sam' };
  it("lets the handover's owner, the member who accepted it and sales managers answer, no other rep", () => {
    expect(mayQualify({ id: 'jo', roles: ['SALES'], approver: false }, accepted)).toBe(true);
    expect(mayQualify({ id: 'sam', roles: ['SALES'], approver: false }, accepted)).toBe(true);
    expect(mayQualify({ id: 'lee', roles: ['SALES'], approver: true }, accepted)).toBe(true);
    expect(mayQualify({ id: 'ada', roles: ['ADMIN'], approver: false }, accepted)).toBe(true);
    expect(mayQualify({ id: 'riley', roles: ['SALES'], approver: false }, accepted)).toBe(false);
    expect(
      mayQualify({ id: 'riley', roles: ['SALES'], approver: false }, { ownerId: null, decidedById: null }),
    ).toBe(false);
  });
});

describe('qualification', () => {
  it('counts the version’s checklist items that hold against its minimum', () => {
    const keys = document.sql.checklist.map((item) => item.key);
    const needed = document.sql.minimumMet;
    expect(qualificationOf(document.sql, new Set(keys.slice(0, needed - 1)))).toEqual({
      met: needed - 1,
      required: needed,
      qualified: false,
    });
    expect(qualificationOf(document.sql, new Set([...keys.slice(0, needed), 'not-an-item'])).qualified).toBe(
      true,
    );
    expect(unknownChecklistKeys(document.sql, [keys[0], 'not-an-item'])).toEqual(['not-an-item']);
  });
});

describe('compareQueueOrder', () => {
  it('puts the earliest due first, then the hotter, then the better fit', () => {
    const due = new Date('2026-03-01T00:00:00Z');
    const later = new Date('2026-03-02T00:00:00Z');
    const items = [
      { name: 'later', dueAt: later, temperature: 'HOT' as const, fitScore: 90 },
      { name: 'warm', dueAt: due, temperature: 'WARM' as const, fitScore: 90 },
      { name: 'hot-low-fit', dueAt: due, temperature: 'HOT' as const, fitScore: 40 },
      { name: 'hot-high-fit', dueAt: due, temperature: 'HOT' as const, fitScore: 80 },
    ];
    expect([...items].sort(compareQueueOrder).map((item) => item.name)).toEqual([
      'hot-high-fit',
      'hot-low-fit',
      'warm',
      'later',
    ]);
  });
});

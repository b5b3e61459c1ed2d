import {
  canEditAgreement,
  canSendBack,
  effectiveTime,
  isFullySigned,
  isInForce,
  requestedTimeRefusal,
  signatureRefusal,
  versionStatus,
} from './lifecycle';

const NOW = new Date('2026-11-25T12:00:00Z');
const EARLIER = new Date('2026-11-01T00:00:00Z');
const LATER = new Date('2026-12-01T00:00:00Z');

describe('status and force', () => {
  it('reads SUPERSEDED from the times, so a scheduled successor takes over at its instant', () => {
    const version = { status: 'PUBLISHED' as const, effectiveAt: EARLIER, supersededAt: LATER };
    expect(versionStatus(version, NOW)).toBe('PUBLISHED');
    expect(isInForce(version, NOW)).toBe(true);
    expect(versionStatus(version, LATER)).toBe('SUPERSEDED');
    expect(isInForce(version, LATER)).toBe(false);
  });

  it('a version published for later is not yet in force', () => {
    const version = { status: 'PUBLISHED' as const, effectiveAt: LATER, supersededAt: null };
    expect(isInForce(version, NOW)).toBe(false);
    expect(isInForce(version, LATER)).toBe(true);
  });

  it('drafts and proposals are never in force', () => {
    expect(isInForce({ status: 'PROPOSED', effectiveAt: null, supersededAt: null }, NOW)).toBe(false);
    expect(versionStatus({ status: 'DRAFT', effectiveAt: null, supersededAt: null }, NOW)).toBe('DRAFT');
  });
});

describe('who may do what', () => {
  it('lets marketing and admins edit, and approvers or editors send back', () => {
    expect(canEditAgreement(['MARKETING'])).toBe(true);
    expect(canEditAgreement(['ADMIN'])).toBe(true);
    expect(canEditAgreement(['SALES', 'EXECUTIVE'])).toBe(false);
    expect(canSendBack(['SALES'], true)).toBe(true);
    expect(canSendBack(['SALES'], false)).toBe(false);
    expect(canSendBack(['EXECUTIVE'], true)).toBe(false);
  });
});

describe('signatureRefusal', () => {
  const base = {
    status: 'PROPOSED' as const,
    currentRevision: 3,
    signedRevision: 3,
    side: 'SALES' as const,
    memberId: 'sam',
    roles: ['SALES' as const],
    approver: true,
    signatures: [],
  };

  it('allows an approver of the side on the current revision', () => {
    expect(signatureRefusal(base)).toBeNull();
  });

  it('refuses non-approvers, the wrong side, stale revisions and non-proposals', () => {
    expect(signatureRefusal({ ...base, approver: false })).toBe('NOT_AN_APPROVER_FOR_SIDE');
    expect(signatureRefusal({ ...base, side: 'MARKETING' })).toBe('NOT_AN_APPROVER_FOR_SIDE');
    expect(signatureRefusal({ ...base, signedRevision: 2 })).toBe('STALE_REVISION');
    expect(signatureRefusal({ ...base, status: 'DRAFT' })).toBe('NOT_PROPOSED');
    // Edited since it was read: back in draft, but what matters is that the text changed.
    expect(signatureRefusal({ ...base, status: 'DRAFT', signedRevision: 2 })).toBe('STALE_REVISION');
  });

  it('refuses a second signature for a side, and one person on both sides', () => {
    const signed = [{ side: 'SALES' as const, memberId: 'other', revision: 3 }];
    expect(signatureRefusal({ ...base, signatures: signed })).toBe('SIDE_ALREADY_SIGNED');
    const both = { ...base, roles: ['SALES' as const, 'MARKETING' as const] };
    const mine = [{ side: 'MARKETING' as const, memberId: 'sam', revision: 3 }];
    expect(signatureRefusal({ ...both, signatures: mine })).toBe('ALREADY_SIGNED_OTHER_SIDE');
  });

  it('ignores signatures given on an earlier revision (an edit voided them)', () => {
    expect(
      signatureRefusal({ ...base, signatures: [{ side: 'SALES', memberId: 'other', revision: 2 }] }),
    ).toBeNull();
  });
});

describe('isFullySigned', () => {
  it('needs both sides on the same revision by two people', () => {
    const marketing = { side: 'MARKETING' as const, memberId: 'mia', revision: 2 };
    expect(isFullySigned([marketing], 2)).toBe(false);
    expect(isFullySigned([marketing, { side: 'SALES', memberId: 'sam', revision: 2 }], 2)).toBe(true);
    expect(isFullySigned([marketing, { side: 'SALES', memberId: 'sam', revision: 1 }], 2)).toBe(false);
    expect(isFullySigned([marketing, { side: 'SALES', memberId: 'mia', revision: 2 }], 2)).toBe(false);
  });
});

describe('effectiveTime', () => {
  it('takes effect now when no later time was asked for', () => {
    expect(effectiveTime(null, NOW, EARLIER)).toEqual({ effectiveAt: NOW });
    expect(effectiveTime(EARLIER, NOW, null)).toEqual({ effectiveAt: NOW });
  });

  it('takes effect at the requested future time', () => {
    expect(effectiveTime(LATER, NOW, EARLIER)).toEqual({ effectiveAt: LATER });
  });

  it('refuses to start before the latest published version', () => {
    expect(effectiveTime(null, NOW, LATER)).toEqual({ refusal: { latestEffectiveAt: LATER } });
  });
});

describe('requestedTimeRefusal', () => {
  it('lets a draft ask for a time after now and within five years, and refuses one that has passed', () => {
    expect([
      requestedTimeRefusal(LATER, NOW),
      requestedTimeRefusal(NOW, NOW),
      requestedTimeRefusal(EARLIER, NOW),
      requestedTimeRefusal(new Date('2031-11-24T12:00:00Z'), NOW),
      requestedTimeRefusal(new Date('2031-11-24T12:00:00.001Z'), NOW),
    ]).toEqual([null, 'NOT_IN_FUTURE', 'NOT_IN_FUTURE', null, 'TOO_FAR']);
  });
});

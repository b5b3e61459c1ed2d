import { leadLoadMessage, respeltWords, stageReason } from './lead-wording';

describe('stageReason', () => {
  it('reads a scoring cell as words', () => {
    expect(stageReason('scored D/COLD: NURTURE')).toBe('Scored fit D, cold intent: nurture');
    expect(stageReason('scored A/HOT: FAST_TRACK')).toBe('Scored fit A, hot intent: fast track');
    expect(stageReason('rescored B/WARM: MQL')).toBe('Rescored fit B, warm intent: MQL');
  });

  it('capitalises the reasons already written as words', () => {
    expect(stageReason('handover rejected: Not ready yet')).toBe('Handover rejected: Not ready yet');
    expect(stageReason('qualified: 3 of 4 checklist items hold')).toBe(
      'Qualified: 3 of 4 checklist items hold',
    );
    expect(stageReason('created')).toBe('Created');
  });

  it('leaves an unfamiliar cell as written rather than guessing', () => {
    expect(stageReason('scored D/LUKEWARM: NURTURE')).toBe('Scored D/LUKEWARM: NURTURE');
    expect(stageReason('')).toBe('');
  });
});

describe('leadLoadMessage', () => {
  it('says in words that the address names no lead, for a malformed id as for an unknown one', () => {
    const none = 'There is no lead at this address in this workspace. Find it in Leads.';
    expect(leadLoadMessage({ code: 'BAD_USER_INPUT', message: 'Validation failed (uuid is expected)' })).toBe(
      none,
    );
    expect(leadLoadMessage({ code: 'NOT_FOUND', message: 'No such lead in this workspace.' })).toBe(none);
  });

  it("keeps the API's message for other failures, and says nothing without one", () => {
    expect(leadLoadMessage({ code: 'NETWORK', message: 'Try again in a moment.' })).toBe(
      'Try again in a moment.',
    );
    expect(leadLoadMessage(null)).toBeNull();
  });
});

describe('respeltWords', () => {
  it('says which values were stored as the workspace spells them', () => {
    expect(
      respeltWords([
        { field: 'source', given: 'linkedin', spelling: 'LinkedIn' },
        { field: 'industry', given: 'SOFTWARE', spelling: 'Software' },
      ]),
    ).toBe(
      'Source reads “LinkedIn”, as the workspace already spells it. Industry reads “Software”, as the workspace already spells it.',
    );
    expect(respeltWords([])).toBe('');
  });
});

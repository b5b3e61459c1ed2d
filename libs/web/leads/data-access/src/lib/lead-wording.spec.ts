import { stageReason } from './lead-wording';

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

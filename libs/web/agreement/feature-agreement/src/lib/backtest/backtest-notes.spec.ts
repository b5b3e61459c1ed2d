import type { ArmResult } from '@accord/domain/backtest';

import { publishNote, unknownOutcomeNote } from './backtest-notes';

describe('unknownOutcomeNote', () => {
  it('says how many of the extra MQLs have no known outcome', () => {
    const note = unknownOutcomeNote(
      { draft: { mqls: 690, unknown: 84 }, inForce: { mqls: 606, unknown: 0 }, extra: 84, extraUnknown: 84 },
      'v1',
    );

    expect(note).toBe(
      '84 of the 84 extra MQLs were never actually handed over to sales: their acceptance, wins and revenue are ' +
        'unknown, not zero. The accepted, won and revenue lines count only MQLs that were handed over.',
    );
  });

  it('gives both figures when unknown outcomes rise by more than the extra MQLs', () => {
    // 172 more MQLs, 176 more of them never handed over: the draft also hands over 4 fewer.
    const note = unknownOutcomeNote(
      {
        draft: { mqls: 778, unknown: 180 },
        inForce: { mqls: 606, unknown: 4 },
        extra: 172,
        extraUnknown: 172,
      },
      'v1',
    );

    expect(note).toBe(
      "176 more of this version's MQLs than v1's were never actually handed over to sales — more than its 172 " +
        'extra MQLs, as it also has 4 fewer that were: their acceptance, wins and revenue are unknown, not zero. ' +
        'The accepted, won and revenue lines count only MQLs that were handed over.',
    );
  });

  it('counts each version when the draft adds no MQL of unknown outcome', () => {
    const note = unknownOutcomeNote(
      { draft: { mqls: 1500, unknown: 5 }, inForce: { mqls: 1606, unknown: 3 }, extra: 0, extraUnknown: 0 },
      'v1',
    );

    expect(note).toBe(
      "5 of this version's 1,500 MQLs and 3 of v1's 1,606 were never actually handed over to sales: their " +
        'acceptance, wins and revenue are unknown, not zero. The accepted, won and revenue lines count only MQLs ' +
        'that were handed over.',
    );
  });

  it('says nothing when every MQL of both versions was handed over', () => {
    expect(
      unknownOutcomeNote(
        { draft: { mqls: 650, unknown: 0 }, inForce: { mqls: 606, unknown: 0 }, extra: 44, extraUnknown: 0 },
        'v1',
      ),
    ).toBeNull();
  });
});

describe('publishNote', () => {
  const arm = (onPublish: ArmResult['onPublish']) =>
    ({ onPublish, load: { slaHours: { COLD: 72, WARM: 24, HOT: 4 } } }) as unknown as ArmResult;

  it("says how many of today's nurtured leads publishing hands to sales at once, per rep and by heat", () => {
    const draft = arm({ handovers: 1312, perRep: 328, byTemperature: { COLD: 1000, WARM: 300, HOT: 12 } });
    const inForce = arm({ handovers: 2, perRep: 0.5, byTemperature: { COLD: 2, WARM: 0, HOT: 0 } });
    expect(publishNote(draft, inForce, 'v3')).toBe(
      "Publishing this version today would hand 1,312 of today's nurtured leads to sales at once: 328 per rep; " +
        '12 hot (due within 4 h), 300 warm (due within 24 h), 1,000 cold (due within 72 h). v3, the version in ' +
        'force, would hand over 2.',
    );
  });

  it('says when publishing hands none over, and says nothing for a run saved before it was counted', () => {
    const none = arm({ handovers: 0, perRep: 0, byTemperature: { COLD: 0, WARM: 0, HOT: 0 } });
    expect(publishNote(none, none, 'v3')).toBe(
      "Publishing this version today would hand none of today's nurtured leads to sales at once. v3, the version " +
        'in force, would hand over none.',
    );
    expect(publishNote(arm(null), none, 'v3')).toBeNull();
  });
});

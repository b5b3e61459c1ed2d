import { unknownOutcomeNote } from './backtest-notes';

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

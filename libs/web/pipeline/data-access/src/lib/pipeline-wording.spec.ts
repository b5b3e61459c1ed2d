import { formatAmount, nextOpenStages, parseAmount, todayIso } from './pipeline-wording';

describe('pipeline wording', () => {
  it('offers the open stages after the current one', () => {
    expect(nextOpenStages('DISCOVERY')).toEqual(['DEMO', 'PROOF_OF_CONCEPT', 'NEGOTIATION']);
    expect(nextOpenStages('NEGOTIATION')).toEqual([]);
    expect(nextOpenStages('WON')).toEqual([]);
  });

  it('writes amounts with their currency, cents only when there are some', () => {
    expect(formatAmount(25000, 'USD')).toBe('25,000 USD');
    expect(formatAmount(30000.5, 'EUR')).toBe('30,000.50 EUR');
  });

  it('reads an amount typed with separators and refuses what is not one', () => {
    expect(parseAmount(' 25,000 ')).toEqual({ ok: true, amount: 25000 });
    expect(parseAmount('')).toEqual({ ok: false, message: 'Enter an amount.' });
    expect(parseAmount('lots')).toEqual({ ok: false, message: 'Enter the amount as a number, e.g. 25000.' });
    expect(parseAmount('-5')).toEqual({ ok: false, message: 'The amount cannot be negative.' });
  });

  it('names today as a close date', () => {
    expect(todayIso(new Date(2026, 10, 5, 23, 59))).toBe('2026-11-05');
  });
});

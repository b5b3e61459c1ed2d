import { formatAmount, nextOpenStages, parseAmount } from './pipeline-wording';

const NOT_A_NUMBER = { ok: false, message: 'Enter the amount as a number, e.g. 25000.' };
const MISPLACED_COMMAS = {
  ok: false,
  message: 'Use commas only between groups of three digits, and a point for cents, e.g. 1,234,567.89.',
};

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

  it('reads plain decimals and amounts grouped by thousands', () => {
    expect(
      ['25000', ' 25,000 ', '1,234,567.89', '25 000', '25\u00a0000.5', '0', '100,000,000,000'].map((text) =>
        parseAmount(text),
      ),
    ).toEqual([
      { ok: true, amount: 25000 },
      { ok: true, amount: 25000 },
      { ok: true, amount: 1234567.89 },
      { ok: true, amount: 25000 },
      { ok: true, amount: 25000.5 },
      { ok: true, amount: 0 },
      { ok: true, amount: 100_000_000_000 },
    ]);
  });

  it('refuses commas that do not group thousands rather than dropping them', () => {
    expect(['25,50', '1,2345', '12,34,567', ',5', '1,234,56.7'].map((text) => parseAmount(text))).toEqual([
      MISPLACED_COMMAS,
      MISPLACED_COMMAS,
      MISPLACED_COMMAS,
      MISPLACED_COMMAS,
      MISPLACED_COMMAS,
    ]);
  });

  it('refuses what JavaScript would read as a number but a person does not write as an amount', () => {
    expect(
      ['0x10', 'Infinity', 'lots', '.5', '5.', '1,234 567', '25 00', '+5', '0b11'].map((text) =>
        parseAmount(text),
      ),
    ).toEqual(Array(9).fill(NOT_A_NUMBER));
  });

  it('says to write out a number in scientific notation, and to leave out a currency', () => {
    const exponent = { ok: false, message: 'Write the amount out in digits, e.g. 1000000 rather than 1e6.' };
    const currency = {
      ok: false,
      message: 'Enter the amount without a currency: it is in the workspace’s currency.',
    };
    expect(
      ['1e12', '2.5E6', '1e3', '$25,000', '25000 EUR', '€ 12.50'].map((text) => parseAmount(text)),
    ).toEqual([exponent, exponent, exponent, currency, currency, currency]);
  });

  it('says what is wrong with an empty, negative, too large or too precise amount', () => {
    expect(
      ['', '-5', '- 1,000', '100000000001', '9'.repeat(400), '10.0051'].map((text) => parseAmount(text)),
    ).toEqual([
      { ok: false, message: 'Enter an amount.' },
      { ok: false, message: 'The amount cannot be negative.' },
      { ok: false, message: 'The amount cannot be negative.' },
      { ok: false, message: 'The amount cannot be more than 100,000,000,000.' },
      { ok: false, message: 'The amount cannot be more than 100,000,000,000.' },
      { ok: false, message: 'The amount is in whole cents: at most two digits after the point.' },
    ]);
  });

  it('bounds an amount by another maximum when given one, and names it', () => {
    const quota = { max: 999_999_999_999.99 };
    expect([
      parseAmount('200,000,000,000', quota),
      parseAmount('1e3', quota),
      parseAmount('1000', { max: 999 }),
    ]).toEqual([
      { ok: true, amount: 200_000_000_000 },
      { ok: false, message: 'Write the amount out in digits, e.g. 1000000 rather than 1e6.' },
      { ok: false, message: 'The amount cannot be more than 999.' },
    ]);
  });

  it('refuses a point before three digits, which Europe reads as thousands, and more digits after it', () => {
    expect(
      ['70.000', '1.234.567', '1,234.567', '10.0000', '0.125', '70.00'].map((text) => parseAmount(text)),
    ).toEqual([
      {
        ok: false,
        message: 'A point is for cents: write thousands with a comma or nothing, e.g. 70,000 or 70000.',
      },
      { ok: false, message: 'Enter the amount as a number, e.g. 25000.' },
      { ok: false, message: 'The amount is in whole cents: at most two digits after the point.' },
      { ok: false, message: 'The amount is in whole cents: at most two digits after the point.' },
      { ok: false, message: 'The amount is in whole cents: at most two digits after the point.' },
      { ok: true, amount: 70 },
    ]);
  });
});

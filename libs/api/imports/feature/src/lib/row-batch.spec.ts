import { RowBatch } from './row-batch';

describe('RowBatch', () => {
  it('is full at its number of rows', () => {
    const batch = new RowBatch(2, 1_000);

    expect(batch.add(2, ['a', 'b'])).toBe(false);
    expect(batch.add(3, ['c', 'd'])).toBe(true);
    expect(batch.take()).toEqual([
      { row: 2, cells: ['a', 'b'] },
      { row: 3, cells: ['c', 'd'] },
    ]);
    expect(batch.size).toBe(0);
  });

  it('is full sooner when its rows are wide, and counts afresh after each take', () => {
    const batch = new RowBatch(5_000, 10);
    const wide = 'x'.repeat(6);

    expect(batch.add(2, [wide])).toBe(false);
    expect(batch.add(3, ['', wide])).toBe(true);
    expect(batch.take().map((read) => read.row)).toEqual([2, 3]);
    expect(batch.add(4, [wide])).toBe(false);
    expect(batch.size).toBe(1);
  });
});

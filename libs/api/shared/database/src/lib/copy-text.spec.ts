import { Readable } from 'node:stream';

import { CopyRow, CopyTextRows, decodeCopyField, decodeCopyLine } from './copy-text';

async function rowsOf(chunks: Buffer[]): Promise<CopyRow[]> {
  const rows: CopyRow[] = [];
  for await (const batch of Readable.from(chunks).pipe(new CopyTextRows()))
    rows.push(...(batch as CopyRow[]));
  return rows;
}

describe('COPY text format', () => {
  it('decodes NULL, plain text and every escape PostgreSQL writes', () => {
    expect(decodeCopyField('\\N')).toBeNull();
    expect(decodeCopyField('')).toBe('');
    expect(decodeCopyField('plain')).toBe('plain');
    expect(decodeCopyField('a\\tb\\nc\\rd\\\\e\\bf\\fg\\vh')).toBe('a\tb\nc\rd\\e\bf\fg\vh');
    // A backslash before a character that needs none stands for that character.
    expect(decodeCopyField('\\N\\x')).toBe('Nx');
  });

  it('splits a line on tabs, escaped tabs staying inside their field', () => {
    expect(decodeCopyLine('1\tVP\\tSales\t\\N\t')).toEqual(['1', 'VP\tSales', null, '']);
  });

  it('joins rows and multi-byte characters split across chunks', async () => {
    const text = Buffer.from('1\tZoë 🚀\n2\t\\N\n3\tlast\n');
    const splits = [1, 5, 9, 10, 14, text.length - 1];
    const chunks = [0, ...splits].map((start, i) => text.subarray(start, [...splits, text.length][i]));
    expect(await rowsOf(chunks)).toEqual([
      ['1', 'Zoë 🚀'],
      ['2', null],
      ['3', 'last'],
    ]);
  });

  it('fails rather than drop a row cut off at the end', async () => {
    await expect(rowsOf([Buffer.from('1\tok\n2\tcut')])).rejects.toThrow('middle of a row');
  });
});

import { Readable } from 'node:stream';

import { UnreadableCsv, csvRecords } from './csv-records';
import { ENCODING_SAMPLE_BYTES, binaryContent, detectEncoding, fileTextStream } from './file-encoding';

async function recordsOf(chunks: Buffer[]): Promise<string[][]> {
  const { records, encoding } = csvRecords(Readable.from(chunks), {
    maxBytes: 10_000_000,
    maxRecordChars: 1_000_000,
  });
  const read: string[][] = [];
  for await (const group of records) read.push(...group);
  return [[encoding() ?? 'none'], ...read];
}

describe('detectEncoding', () => {
  it('names UTF-8 and UTF-16 by their byte-order marks', () => {
    expect([
      detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61])),
      detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00])),
      detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x61])),
    ]).toEqual(['UTF-8', 'UTF-16LE', 'UTF-16BE']);
  });

  it('takes a head that is valid UTF-8 as UTF-8, even cut inside a character, and any other as Windows-1252', () => {
    const cut = Buffer.from('Zürich').subarray(0, 2);
    expect([
      detectEncoding(Buffer.from('plain ASCII')),
      detectEncoding(Buffer.from('Société')),
      detectEncoding(cut),
      detectEncoding(Buffer.from('Soci\xe9t\xe9', 'latin1')),
    ]).toEqual(['UTF-8', 'UTF-8', 'UTF-8', 'WINDOWS-1252']);
  });

  it('looks at the first 64 KiB only, as the preview does', () => {
    const late = Buffer.concat([Buffer.alloc(ENCODING_SAMPLE_BYTES, 'a'), Buffer.from([0xe9])]);
    expect(detectEncoding(late)).toBe('UTF-8');
  });
});

describe('fileTextStream', () => {
  it('decodes a character split between two chunks', () => {
    const text = fileTextStream('UTF-16LE', Buffer.alloc(0));
    const bytes = Buffer.from('Zü', 'utf16le');
    expect([text.write(bytes.subarray(0, 3)), text.write(bytes.subarray(3)), text.end()]).toEqual([
      'Z',
      'ü',
      '',
    ]);
  });
});

describe('csvRecords in an encoding', () => {
  it('reads Windows-1252, where its quotes and euro sign differ from Latin-1', async () => {
    const file = Buffer.from('Company;Title\r\nSoci\xe9t\xe9;\x93top\x94 \x80\r\n', 'latin1');
    expect(await recordsOf([file.subarray(0, 20), file.subarray(20)])).toEqual([
      ['WINDOWS-1252'],
      ['Company', 'Title'],
      ['Société', '“top” €'],
    ]);
  });

  it('reads UTF-16 with its byte-order mark, split anywhere', async () => {
    const file = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from('a\tb\nZ\u00fc\t1\n', 'utf16le').swap16(),
    ]);
    expect(await recordsOf([file.subarray(0, 5), file.subarray(5, 11), file.subarray(11)])).toEqual([
      ['UTF-16BE'],
      ['a', 'b'],
      ['Zü', '1'],
    ]);
  });

  it('reads a file whose head is plain ASCII as Windows-1252 from its first byte that is not UTF-8', async () => {
    const head = Buffer.from(`Company,Notes\nAcme,${'x'.repeat(ENCODING_SAMPLE_BYTES)}\n`);
    const records = await recordsOf([head, Buffer.from('Soci\xe9t\xe9,\x93top\x94\n', 'latin1')]);
    expect([records[0], records[3]]).toEqual([['WINDOWS-1252'], ['Société', '“top”']]);
  });

  it('keeps a file whose head is plain ASCII UTF-8 when its first other bytes are UTF-8', async () => {
    const head = Buffer.from(`Company,Notes\nAcme,${'x'.repeat(ENCODING_SAMPLE_BYTES)}\n`);
    const records = await recordsOf([head, Buffer.from('Société,Zürich\n')]);
    expect([records[0], records[3]]).toEqual([['UTF-8'], ['Société', 'Zürich']]);
  });

  it('gives the undecodable bytes of a UTF-8 file past its head as U+FFFD, for the row to be refused', async () => {
    const head = Buffer.from(`Company,Notes\nCafé,${'x'.repeat(ENCODING_SAMPLE_BYTES)}\n`);
    const records = await recordsOf([head, Buffer.from('Caf\xe9,\n', 'latin1')]);
    expect([records[0], records[3]]).toEqual([['UTF-8'], ['Caf\uFFFD', '']]);
  });
});

describe('binaryContent', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
  const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);

  it('finds a workbook, an image or a mostly-NUL file, and not a CSV with a stray NUL, however encoded', () => {
    const utf16 = Buffer.from('\ufeffemail,name\nann@x.example,Ann\n', 'utf16le');
    const nuls = Buffer.alloc(200);
    const strayNul = Buffer.from('email,name\nann@x.example,A\u0000nn\n');
    const binary =
      'it is not text but a workbook, a PDF, an image or another binary file; save or export the data as CSV and upload that';
    expect(
      [xlsx, png, nuls, strayNul, Buffer.from('email,name\n'), utf16].map((file) =>
        binaryContent(file, detectEncoding(file)),
      ),
    ).toEqual([binary, binary, binary, null, null, null]);
  });

  it('tells UTF-16 text without its byte-order mark from a binary file', () => {
    const utf16 = Buffer.from('email,name\nann@x.example,Ann\nbob@x.example,Bob\n', 'utf16le');
    expect(binaryContent(utf16, detectEncoding(utf16))).toBe(
      'it looks like UTF-16 text without a byte-order mark; save it as "CSV UTF-8" and upload that',
    );
  });

  it('stops an import of one before it reads a record', async () => {
    await expect(recordsOf([xlsx])).rejects.toBeInstanceOf(UnreadableCsv);
  });
});

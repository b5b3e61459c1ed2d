import { type Options, type Parser, parse } from 'csv-parse';
import type { Readable } from 'node:stream';

/** The upload was larger than the import's limit: nothing past it was read. */
export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than ${limit} bytes.`);
  }
}

/** The file is not CSV that can be read (an unclosed quote, a record beyond the size limit, …). */
export class UnreadableCsv extends Error {}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a file from its first line: the candidate seen most often outside quotes (European
 * spreadsheets export ";", some tools a tab), "," when none is.
 */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

export interface CsvReadOptions {
  /** Bytes beyond which reading stops with UploadTooLarge. */
  maxBytes: number;
  /** The longest record accepted, in characters: a runaway quote fails fast instead of buffering the file. */
  maxRecordChars: number;
}

/**
 * The records of a CSV stream, in groups, parsed as they arrive with csv-parse (BOM, quotes, CRLF or LF, newlines inside
 * quotes), with back-pressure: the source is read only as fast as records are consumed, so memory stays bounded
 * whatever the file's size. `bytesRead()` tells how much of the source was consumed.
 */
export function csvRecords(
  source: Readable,
  options: CsvReadOptions,
): { records: AsyncIterable<string[][]>; bytesRead: () => number } {
  let bytes = 0;
  // Records come in groups (those of one chunk of the source): an await per record would cost more than parsing it.
  async function* records(): AsyncGenerator<string[][]> {
    let parser: Parser | null = null;
    let head: Buffer[] = [];
    let headBytes = 0;
    const pending: string[][] = [];
    let failure: Error | null = null;
    const start = (sample: string) => {
      const firstLine = sample.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
      const parseOptions: Options = {
        bom: true,
        delimiter: sniffDelimiter(firstLine),
        relax_column_count: true,
        skip_empty_lines: true,
        max_record_size: options.maxRecordChars,
      };
      const created = parse(parseOptions);
      created.on('readable', () => {
        let record: string[] | null;
        while ((record = created.read() as string[] | null) !== null) pending.push(record);
      });
      created.on('error', (error) => (failure = error));
      return created;
    };
    const drain = function* () {
      if (pending.length > 0) yield pending.splice(0, pending.length);
    };
    for await (const chunk of source) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += data.length;
      if (bytes > options.maxBytes) throw new UploadTooLarge(options.maxBytes);
      if (!parser) {
        // Bytes, not text, until the parser starts: a chunk may end inside a multi-byte character.
        head.push(data);
        headBytes += data.length;
        if (!data.includes(10) && headBytes < 65_536) continue;
        const sample = Buffer.concat(head);
        head = [];
        parser = start(sample.toString('utf8', 0, Math.min(sample.length, 65_536)));
        parser.write(sample);
      } else {
        parser.write(data);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (failure) throw new UnreadableCsv(String((failure as Error).message));
      yield* drain();
    }
    if (!parser && headBytes > 0) {
      const sample = Buffer.concat(head);
      parser = start(sample.toString('utf8'));
      parser.write(sample);
    }
    if (parser) {
      const ended = new Promise<void>((resolve) => parser?.on('end', resolve));
      parser.end();
      await Promise.race([ended, new Promise<void>((resolve) => parser?.on('error', () => resolve()))]);
    }
    if (failure) throw new UnreadableCsv(String((failure as Error).message));
    yield* drain();
  }
  return { records: records(), bytesRead: () => bytes };
}

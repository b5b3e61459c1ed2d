import { type Options, type Parser, parse } from 'csv-parse';
import type { Readable } from 'node:stream';

import {
  ENCODING_SAMPLE_BYTES,
  type FileEncoding,
  type FileTextStream,
  binaryContent,
  decodeSample,
  detectEncoding,
  fileTextStream,
} from './file-encoding';

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
 * whatever the file's size. `bytesRead()` tells how much of the source was consumed; `encoding()` what its text was
 * read as, once the first line has come (see detectEncoding).
 */
export function csvRecords(
  source: Readable,
  options: CsvReadOptions,
): { records: AsyncIterable<string[][]>; bytesRead: () => number; encoding: () => FileEncoding | null } {
  let bytes = 0;
  let text: FileTextStream | null = null;
  // Records come in groups (those of one chunk of the source): an await per record would cost more than parsing it.
  async function* records(): AsyncGenerator<string[][]> {
    // The parser and what turns the file's bytes into its input, once the head has told the encoding.
    let reading: { parser: Parser; text: FileTextStream } | null = null;
    let head: Buffer[] = [];
    let headBytes = 0;
    const pending: string[][] = [];
    let failure: Error | null = null;
    const start = (sample: Buffer) => {
      const found = detectEncoding(sample);
      const binary = binaryContent(sample, found);
      if (binary) throw new UnreadableCsv(binary);
      const firstLine = decodeSample(sample.subarray(0, ENCODING_SAMPLE_BYTES), found)
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/, 1)[0];
      const parseOptions: Options = {
        bom: true,
        delimiter: sniffDelimiter(firstLine),
        relax_column_count: true,
        // A quote inside an unquoted cell (`Acme 27" Displays`) is text, as spreadsheets write it and as the
        // preview reads it: refusing it would stop the import at that row, with the rest of the file unread.
        relax_quotes: true,
        // Blank lines are records too, so every later row keeps the number a spreadsheet shows; the import skips them.
        skip_empty_lines: false,
        max_record_size: options.maxRecordChars,
      };
      const parser = parse(parseOptions);
      parser.on('readable', () => {
        let record: string[] | null;
        while ((record = parser.read() as string[] | null) !== null) pending.push(record);
      });
      parser.on('error', (error) => (failure = error));
      text = fileTextStream(found, sample.subarray(0, ENCODING_SAMPLE_BYTES));
      const started = { parser, text };
      parser.write(started.text.write(sample));
      return started;
    };
    const drain = function* () {
      if (pending.length > 0) yield pending.splice(0, pending.length);
    };
    // Lets the parser emit what it has read, hands those records over, then reports a failure: the records before a
    // broken one are good.
    const handOver = async function* () {
      await new Promise<void>((resolve) => setImmediate(resolve));
      yield* drain();
      if (failure) throw new UnreadableCsv(failure.message);
    };
    for await (const chunk of source) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += data.length;
      if (bytes > options.maxBytes) throw new UploadTooLarge(options.maxBytes);
      if (reading) {
        reading.parser.write(reading.text.write(data));
      } else {
        // Bytes, not text, until the parser starts: the head tells the encoding and the delimiter.
        head.push(data);
        headBytes += data.length;
        if (headBytes < ENCODING_SAMPLE_BYTES) continue;
        reading = start(Buffer.concat(head));
        head = [];
      }
      yield* handOver();
    }
    if (!reading && headBytes > 0) {
      // A file smaller than the head: parsed whole here, its records handed over before its end is checked.
      reading = start(Buffer.concat(head));
      yield* handOver();
    }
    if (reading) {
      const { parser } = reading;
      const rest = reading.text.end();
      if (rest !== '') parser.write(rest);
      const ended = new Promise<void>((resolve) => parser.on('end', resolve));
      parser.end();
      await Promise.race([ended, new Promise<void>((resolve) => parser.on('error', () => resolve()))]);
    }
    yield* drain();
    if (failure) throw new UnreadableCsv((failure as Error).message);
  }
  return { records: records(), bytesRead: () => bytes, encoding: () => text?.encoding() ?? null };
}

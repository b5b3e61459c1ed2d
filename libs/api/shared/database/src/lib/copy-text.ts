import { Transform, TransformCallback } from 'node:stream';

/** One row of `COPY … TO STDOUT` in PostgreSQL's text format: a field is its text, or null for SQL NULL. */
export type CopyRow = (string | null)[];

const NEWLINE = 0x0a;
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A field as COPY's text format writes it: `\N` is NULL, and a backslash escapes the next character. */
export function decodeCopyField(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/gs, (_, next: string) => ESCAPES[next] ?? next);
}

/** A line of COPY's text format, without its newline: tab-separated fields (tabs inside fields are escaped). */
export function decodeCopyLine(line: string): CopyRow {
  return line.split('\t').map(decodeCopyField);
}

/**
 * Turns the byte stream of `COPY … TO STDOUT` (text format, the default) into batches of rows: one array per
 * chunk received, so the next stage handles hundreds of rows per call and can write its output in one piece.
 * A row split between chunks waits for its end; a newline byte never occurs inside a multi-byte character, so
 * every complete line decodes as UTF-8 on its own.
 */
export class CopyTextRows extends Transform {
  private rest: Buffer = Buffer.alloc(0);

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const data = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const end = data.lastIndexOf(NEWLINE);
    if (end < 0) {
      this.rest = data;
      return done();
    }
    this.rest = data.subarray(end + 1);
    const lines = data.toString('utf8', 0, end).split('\n');
    done(null, lines.map(decodeCopyLine));
  }

  override _flush(done: TransformCallback): void {
    if (this.rest.length) return done(new Error('COPY output ended in the middle of a row'));
    done();
  }
}

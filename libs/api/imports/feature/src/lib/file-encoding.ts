import { decode, getDecoder } from 'iconv-lite';
import { isAscii } from 'node:buffer';

/** The text encodings an uploaded CSV file is read in. */
export type FileEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'WINDOWS-1252';

const ICONV_NAMES = {
  'UTF-8': 'utf8',
  'UTF-16LE': 'utf16le',
  'UTF-16BE': 'utf16be',
  'WINDOWS-1252': 'windows1252',
} as const;

/** How much of a file's head tells its encoding: the preview and the import read the same bytes, and agree. */
export const ENCODING_SAMPLE_BYTES = 65_536;

/**
 * The encoding of a file from its first 64 KiB. A byte-order mark names it (Excel's "Unicode Text" is UTF-16 with
 * one); without one, a head that is valid UTF-8 is UTF-8, and any other is read as Windows-1252 — what Excel on
 * Windows writes for "CSV (Comma delimited)". Read as UTF-8, such a file would have every "é" stored as "�". The
 * preview says which encoding it read, and its sample rows show the text as it will be stored.
 */
export function detectEncoding(file: Uint8Array): FileEncoding {
  const head = file.subarray(0, ENCODING_SAMPLE_BYTES);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
  try {
    // Streaming, and never flushed: the head may end inside a character, which is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'UTF-8';
  } catch {
    return 'WINDOWS-1252';
  }
}

// The first bytes of the files people upload by mistake: a zip (an .xlsx, .docx or .ods is one), an old Office
// document (.xls), a PDF and the common images.
const SIGNATURES: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
];

/**
 * Why a file's head is not text at all, or null when it may be: it starts as a workbook, a PDF or an image does,
 * or NUL bytes make up more than 1% of it (outside UTF-16). Read as Windows-1252 such a file would "parse", its
 * bytes shown as column names. A CSV with a stray NUL in a cell is still a CSV: its row is refused, the rest kept.
 */
export function binaryContent(file: Uint8Array, encoding: FileEncoding): string | null {
  const head = file.subarray(0, ENCODING_SAMPLE_BYTES);
  const signed = SIGNATURES.some((signature) => signature.every((byte, index) => head[index] === byte));
  let nuls = 0;
  if (encoding !== 'UTF-16LE' && encoding !== 'UTF-16BE') for (const byte of head) if (byte === 0) nuls += 1;
  if (!signed && !(nuls >= 16 && nuls * 100 > head.length)) return null;
  // Text in UTF-16 without its byte-order mark: every other byte of ASCII text is NUL.
  if (!signed && nuls * 5 > head.length * 2 && nuls * 5 < head.length * 3)
    return 'it looks like UTF-16 text without a byte-order mark; save it as "CSV UTF-8" and upload that';
  return 'it is not text but a workbook, a PDF, an image or another binary file; save or export the data as CSV and upload that';
}

/** Text of a whole sample of the file (its head), byte-order mark dropped. */
export function decodeSample(sample: Buffer, encoding: FileEncoding): string {
  return decode(sample, ICONV_NAMES[encoding]);
}

/**
 * Turns the file's bytes into what the CSV parser reads, chunk by chunk (a character may straddle two chunks).
 * UTF-8 goes through as bytes — the parser decodes it itself, at no extra cost for the common case; other encodings
 * are decoded to text. Bytes that are not text in the encoding become U+FFFD either way, which the import refuses
 * in a cell, with its row, rather than storing.
 */
export interface FileTextStream {
  write(bytes: Buffer): Buffer | string;
  end(): string;
  /** The encoding read so far: a file whose head is plain ASCII settles it at its first other byte. */
  encoding(): FileEncoding;
}

export function fileTextStream(encoding: FileEncoding, head: Uint8Array): FileTextStream {
  if (encoding === 'UTF-8') return isAscii(head) ? undecidedStream() : utf8Stream();
  return decodingStream(encoding);
}

function utf8Stream(): FileTextStream {
  return { write: (bytes) => bytes, end: () => '', encoding: () => 'UTF-8' };
}

function decodingStream(encoding: Exclude<FileEncoding, 'UTF-8'>): FileTextStream {
  const decoder = getDecoder(ICONV_NAMES[encoding]);
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '', encoding: () => encoding };
}

/**
 * A file whose head is plain ASCII, which reads the same in UTF-8 and Windows-1252: a long US export whose first
 * "José" comes 200 KiB in. It is passed on as UTF-8 until its first byte above ASCII; from there, bytes that are
 * valid UTF-8 keep it UTF-8, others make the rest of the file Windows-1252 — nothing read before changes meaning.
 */
function undecidedStream(): FileTextStream {
  let settled: FileTextStream | null = null;
  return {
    write(bytes) {
      if (settled) return settled.write(bytes);
      // Node's native test: a file of plain ASCII is scanned at memory speed, not a callback a byte.
      if (isAscii(bytes)) return bytes;
      const first = bytes.findIndex((byte) => byte >= 0x80);
      try {
        // Streaming: the chunk may end inside a character, which is not an error.
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(first), { stream: true });
        settled = utf8Stream();
      } catch {
        settled = decodingStream('WINDOWS-1252');
      }
      return settled.write(bytes);
    },
    end: () => settled?.end() ?? '',
    encoding: () => settled?.encoding() ?? 'UTF-8',
  };
}

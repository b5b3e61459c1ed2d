import { decode, getDecoder } from 'iconv-lite';

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
}

export function fileTextStream(encoding: FileEncoding): FileTextStream {
  if (encoding === 'UTF-8') return { write: (bytes) => bytes, end: () => '' };
  const decoder = getDecoder(ICONV_NAMES[encoding]);
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

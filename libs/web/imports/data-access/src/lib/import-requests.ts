import type { ApiError, ApiErrorCode } from '@accord/web/shared/data-access';

/** The import kinds as the HTTP API names them in its paths. */
export const IMPORT_KIND_PATHS = {
  LEADS: 'leads',
  ACCOUNTS: 'accounts',
  OPPORTUNITIES: 'opportunities',
  SIGNALS: 'signals',
  SALES_REPS: 'sales-reps',
} as const;
export type ImportKindName = keyof typeof IMPORT_KIND_PATHS;

/** How many bytes of a file the preview reads: enough for the header and a few hundred rows. */
export const PREVIEW_BYTES = 256 * 1024;

/** A mapping as the import endpoints take it (X-Import-Mapping) and answer it (preview). */
export interface ImportMapping {
  columns: (string | null)[];
  values: Record<string, Record<string, string>>;
  dateOrder: 'DMY' | 'MDY' | null;
  defaultCurrency: string;
}

/** What the API read a file's text as (see docs/imports.md, "Encodings"). */
export type FileEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'WINDOWS-1252';

export interface ImportPreview {
  headers: string[];
  proposals: { column: number; header: string; field: string | null; confidence: string }[];
  mapping: ImportMapping;
  savedMappingUsed: boolean;
  encoding: FileEncoding;
  sampleRows: string[][];
  values: { field: string; header: string; value: string; mappedTo: string | null }[];
  problems: { field: string; message: string }[];
}

/** What an import answered: its counts (the report itself is read page by page over GraphQL). */
export interface ImportOutcome {
  id: string;
  kind: ImportKindName;
  dryRun: boolean;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  refused: number;
  cleaned: number;
  reportLines: number;
  /** Refused rows whose cells were kept: what the refused rows file holds. */
  refusedRowsKept: number;
  error: string | null;
}

/**
 * What the refused rows file holds and is for: the rows as the file had them, to fix and import again — all of the
 * refused ones, or the first so many when the import kept the cells of only those.
 */
export function refusedRowsNote({
  refused,
  refusedRowsKept,
}: Pick<ImportOutcome, 'refused' | 'refusedRowsKept'>): string {
  const which =
    refusedRowsKept < refused
      ? `The first ${refusedRowsKept.toLocaleString('en-US')} of the ${refused.toLocaleString('en-US')} refused rows come`
      : 'The refused rows come';
  return `${which} as your file had them, with why in a last column: fix them in a spreadsheet and import that file again.`;
}

/** The kinds that score leads and so may make MQLs: whether those are handed over is the import's choice. */
export const KINDS_WITH_HANDOVERS: readonly ImportKindName[] = ['LEADS', 'ACCOUNTS'];

/**
 * What a leads or accounts import does about the leads it makes MQLs: `skip` (the API's default) opens no
 * handover; `open` hands those without an owner over to sales like any new MQL.
 */
export type ImportHandovers = 'open' | 'skip';

export interface UploadOptions {
  dryRun: boolean;
  saveMapping: boolean;
  /** Leads and accounts only (the API refuses it for other kinds). */
  handovers?: ImportHandovers;
}

export function uploadPath(kind: ImportKindName, options: UploadOptions & { fileName: string }): string {
  const query = new URLSearchParams({
    dryRun: String(options.dryRun),
    saveMapping: String(options.saveMapping),
    fileName: options.fileName,
  });
  if (options.handovers) query.set('handovers', options.handovers);
  return `/api/v1/imports/${IMPORT_KIND_PATHS[kind]}?${query.toString()}`;
}

/**
 * The mapping as the X-Import-Mapping header carries it: its JSON percent-encoded. A browser refuses a header
 * value with a character above U+00FF (a Cyrillic stage name, an en dash), and the API reads header bytes as
 * Latin-1; percent-encoding keeps every character ASCII, and the API decodes it back to the same UTF-8 text.
 */
export function mappingHeader(mapping: ImportMapping): string {
  return encodeURIComponent(JSON.stringify(mapping));
}

/** A failed HTTP answer as the ApiError pages show; an import that stopped names where in its message. */
export function httpError(status: number, body: unknown): ApiError {
  const answer = (typeof body === 'object' && body !== null ? body : {}) as {
    error?: string;
    message?: string;
    fields?: { field: string; message: string }[];
  };
  const code: ApiErrorCode =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 404
          ? 'NOT_FOUND'
          : status >= 500
            ? 'INTERNAL_SERVER_ERROR'
            : 'BAD_USER_INPUT';
  return {
    code,
    message: answer.message ?? (status === 413 ? 'The file is too large to import.' : 'The import failed.'),
    fields: Array.isArray(answer.fields) ? answer.fields : [],
  };
}

/** The enumeration values the file holds that the current mapping cannot place: the person must map them. */
export function unplacedValues(preview: ImportPreview): ImportPreview['values'] {
  return preview.values.filter(
    (value) => value.mappedTo === null && !preview.mapping.values[value.field]?.[value.value],
  );
}

/**
 * What the page says about a file's encoding: nothing for UTF-8; for another, which one was read, so that a person
 * whose examples show the wrong letters knows what to change.
 */
export function encodingNote(encoding: FileEncoding): string | null {
  if (encoding === 'UTF-8') return null;
  const name =
    encoding === 'WINDOWS-1252' ? 'Windows-1252, as Excel on Windows saves CSV' : 'UTF-16 (Unicode text)';
  return `The file's text is read as ${name}. If the examples show wrong letters, save it as "CSV UTF-8" and choose it again.`;
}

/**
 * The name the API gives a download (its Content-Disposition: `filename*` as typed, else `filename`), for the link
 * that saves it; null without one.
 */
export function downloadName(disposition: string | null): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? null;
}

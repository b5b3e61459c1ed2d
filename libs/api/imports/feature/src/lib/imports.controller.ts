import {
  type ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Headers,
  HttpException,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';

import type { ImportRecord } from '@accord/api/imports/data-access';
import {
  AcceptsApiKey,
  type AuthMember,
  CurrentMember,
  Roles,
  asHttpRateLimit,
} from '@accord/api/shared/auth';
import { AppError, ErrorCode } from '@accord/api/shared/graphql';
import {
  DATE_ORDERS,
  type ImportKind,
  type ImportMapping,
  REPORT_HEADER,
  csvCell,
  isImportKind,
  refusedRowsCsv,
  reportCsvLine,
} from '@accord/domain/imports';

import { IMPORT_HANDOVERS, type ImportHandovers, KINDS_WITH_HANDOVERS } from './handler';
import { ImportHistoryService } from './import-history.service';
import { ImportPreviewService } from './import-preview.service';
import { ImportFailed, ImportsService } from './imports.service';
import { toImportSummary } from './models/import.model';

/** The first bytes of a file the preview reads; the web app sends no more than this. */
export const PREVIEW_BYTES = 256 * 1024;

/**
 * The first `limit` bytes of a body, reading no further: reading stops (the request is paused) as soon as they
 * have arrived. `whole` says whether the body ended within them; when it did not, the rest is left unread and the
 * caller's answer must close the connection.
 */
export function readHead(source: Readable, limit: number): Promise<{ head: Buffer; whole: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('close', onClose);
      source.off('error', onError);
    };
    const settle = (whole: boolean) => {
      stop();
      if (!whole) source.pause();
      resolve({ head: Buffer.concat(chunks), whole });
    };
    const onData = (chunk: Buffer | string) => {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const room = limit - size;
      chunks.push(data.length > room ? data.subarray(0, room) : data);
      size += data.length;
      if (size >= limit) settle(false);
    };
    const onEnd = () => settle(true);
    // The client went away before the end: there is no one to answer, and nothing more to read.
    const onClose = () => settle(false);
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    source.on('data', onData);
    source.on('end', onEnd);
    source.on('close', onClose);
    source.on('error', onError);
  });
}

const STATUS_OF: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
};

/** The app's errors (the access guard's included) as HTTP answers with a JSON body, as the signals API answers. */
@Catch(AppError, ImportFailed)
export class ImportHttpErrors implements ExceptionFilter {
  catch(error: AppError | ImportFailed, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (error instanceof ImportFailed) {
      // The rest of the upload was not read: the connection closes after the answer rather than drain it.
      if (error.status === 413 || error.status === 503) response.setHeader('Connection', 'close');
      if (error.retryAfterSeconds !== null)
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      response.status(error.status).json({
        error: error.code,
        message: error.message,
        importId: error.importId,
        fields: error.fields,
        ...(error.retryAfterSeconds !== null ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      });
      return;
    }
    if (error.code === ErrorCode.RATE_LIMITED) {
      // A wrong API key past its address's budget: answered as every REST route answers a spent budget.
      const limited = asHttpRateLimit(error, response) as HttpException;
      response.status(limited.getStatus()).json(limited.getResponse());
      return;
    }
    response
      .status(STATUS_OF[error.code] ?? HttpStatus.BAD_REQUEST)
      .json({ error: error.code, message: error.message, fields: error.fields });
  }
}

/** Where CSV files are uploaded (`/api/v1/imports/<kind>`, its preview and reports). */
export const IMPORTS_ROUTE = '/api/v1/imports';

/** "leads", "Sales-Reps" or "SALES_REPS" → the kind. */
export function kindOf(value: string): ImportKind {
  const kind = value.toUpperCase().replace(/-/g, '_');
  if (!isImportKind(kind))
    throw AppError.badInput(
      `Unknown import kind "${value}": use leads, accounts, opportunities, signals or sales-reps.`,
    );
  return kind;
}

/**
 * A yes/no query parameter: absent is no; `true`/`1` and `false`/`0` as given. Anything else is refused rather than
 * read as no — `dryRun=yes` importing for real would write what the person meant only to try.
 */
export function flagOf(name: string, value: unknown): boolean {
  if (value === undefined) return false;
  const text = typeof value === 'string' ? value.toLowerCase() : null;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw AppError.badInput(`${name} must be true or false (or 1 or 0), once.`);
}

/** The query parameters an upload reads. */
const UPLOAD_PARAMETERS = ['dryRun', 'saveMapping', 'fileName', 'handovers'];

/** Refuses a parameter the upload does not read: a misspelt `dryrun=true` would otherwise import for real. */
export function checkUploadParameters(query: Record<string, unknown>): void {
  const unknown = Object.keys(query).filter((name) => !UPLOAD_PARAMETERS.includes(name));
  if (unknown.length > 0)
    throw AppError.badInput(
      `Unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}: ` +
        `an upload takes ${UPLOAD_PARAMETERS.join(', ')}.`,
    );
}

/** `handovers=open|skip` (leads and accounts imports only): whether imported MQLs are handed over; skip by default. */
export function handoversOf(kind: ImportKind, value: unknown): ImportHandovers {
  if (value === undefined || value === '') return 'SKIP';
  if (!KINDS_WITH_HANDOVERS.includes(kind))
    throw AppError.badInput('handovers applies to leads and accounts imports only.');
  const mode = typeof value === 'string' ? value.toUpperCase() : '';
  if (!(IMPORT_HANDOVERS as readonly string[]).includes(mode))
    throw AppError.badInput(
      `handovers must be open (hand the imported MQLs without an owner over to sales) or skip (the default: no handover).`,
    );
  return mode as ImportHandovers;
}

const MAPPING_SHAPE = '{"columns": [...], "values": {...}, "dateOrder": ..., "defaultCurrency": ...}';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The header's text as it was sent. Node reads header bytes as Latin-1, so raw JSON written in UTF-8 (curl with
 * "Négociation") arrives as "NÃ©gociation": its bytes are read again as UTF-8. Bytes that are not UTF-8 were
 * Latin-1 to begin with (a browser sends characters up to U+00FF that way) and stay as they are.
 */
function rawHeaderText(header: string): string {
  const bytes = Buffer.from(header, 'latin1');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return header;
  }
}

/**
 * The X-Import-Mapping header's JSON: percent-encoded (`encodeURIComponent`, as the web app sends it, since a
 * browser refuses header characters above U+00FF), or raw (it starts with `{`, as a script may send it).
 */
function mappingJson(header: string): unknown {
  const value = header.trim();
  let text: string;
  if (value.startsWith('{')) text = rawHeaderText(value);
  else
    try {
      text = decodeURIComponent(value);
    } catch {
      throw AppError.badInput(
        `X-Import-Mapping is not valid percent-encoding: send the mapping's JSON through encodeURIComponent, or raw (starting with "{"): ${MAPPING_SHAPE}.`,
      );
    }
  try {
    return JSON.parse(text);
  } catch {
    throw AppError.badInput(
      `X-Import-Mapping must be JSON, percent-encoded (encodeURIComponent) or raw UTF-8: ${MAPPING_SHAPE}.`,
    );
  }
}

/**
 * The value maps as the header gives them: field → {from: to}, or the list an import's summary answers
 * (`[{field, from, to}]`), so that a summary's mapping can be sent back as it came.
 */
function valueMaps(values: unknown): unknown {
  if (!Array.isArray(values)) return values ?? {};
  const maps: Record<string, Record<string, unknown>> = {};
  for (const item of values as { field?: unknown; from?: unknown; to?: unknown }[]) {
    if (
      typeof item !== 'object' ||
      item === null ||
      typeof item.field !== 'string' ||
      typeof item.from !== 'string'
    )
      return null;
    (maps[item.field] ??= {})[item.from] = item.to;
  }
  return maps;
}

/** The mapping sent in the X-Import-Mapping header, checked for shape; its meaning is checked later. */
export function mappingOf(header: string | undefined): ImportMapping | null {
  if (header === undefined || header.trim() === '') return null;
  const json = mappingJson(header);
  // JSON that is no object ("null", a number) fails the shape check below rather than reading its fields.
  const mapping = (typeof json === 'object' && json !== null ? json : {}) as Partial<ImportMapping>;
  const columnsOk =
    Array.isArray(mapping.columns) &&
    mapping.columns.every((item) => item === null || typeof item === 'string');
  const values = valueMaps(mapping.values);
  const valuesOk =
    typeof values === 'object' &&
    values !== null &&
    Object.values(values as Record<string, unknown>).every(
      (map) =>
        typeof map === 'object' &&
        map !== null &&
        Object.values(map as Record<string, unknown>).every((to) => typeof to === 'string'),
    );
  const orderOk = mapping.dateOrder == null || (DATE_ORDERS as readonly string[]).includes(mapping.dateOrder);
  if (!columnsOk || !valuesOk || !orderOk)
    throw AppError.badInput(
      'X-Import-Mapping needs "columns" (a field or null per column), "values" (field → {from: to}, or a summary\'s [{field, from, to}]) and "dateOrder" (DMY, MDY or null).',
    );
  return {
    columns: mapping.columns as (string | null)[],
    values: values as ImportMapping['values'],
    dateOrder: mapping.dateOrder ?? null,
    defaultCurrency: typeof mapping.defaultCurrency === 'string' ? mapping.defaultCurrency : 'USD',
  };
}

/**
 * The report's Content-Disposition: named after the file imported ("sf_leads.csv" gives "sf_leads-report.csv"),
 * or after the import without one. The plain `filename` keeps to printable ASCII for old clients; `filename*`
 * carries the name as typed (RFC 6266).
 */
export function reportDisposition(fileName: string | null, importId: string, suffix = 'report'): string {
  const stem = fileName?.replace(/\.(csv|tsv|txt)$/i, '').trim() || `import-${importId}`;
  const name = `${stem}-${suffix}.csv`;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * CSV imports over HTTP, for the web app and scripts: authenticated like every request of a member (Bearer token),
 * or by an API key an admin allowed to import, which acts as that admin (a script's nightly CRM export). The file is
 * the raw request body (any content type but JSON), streamed — never buffered — through the parser, so its size is
 * bounded only by the import's own limit (413 beyond it).
 */
@Roles('ADMIN', 'MARKETING')
@AcceptsApiKey()
@UseFilters(ImportHttpErrors)
@Controller(IMPORTS_ROUTE.slice(1))
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly previews: ImportPreviewService,
    private readonly history: ImportHistoryService,
  ) {}

  @Post(':kind/preview')
  async preview(
    @CurrentMember() actor: AuthMember,
    @Param('kind') kind: string,
    @Headers('x-import-mapping') mappingHeader: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const importKind = kindOf(kind);
    const { head, whole } = await readHead(request, PREVIEW_BYTES);
    // The rest of a larger body (a whole 1 GB file, say) is never read: the answer, or the error, closes the
    // connection once it is sent, so the client stops sending instead of streaming the rest to no one.
    if (!whole) response.setHeader('Connection', 'close');
    // The mapping being edited, if sent: the values to map and the problems are then that mapping's.
    const mapping = mappingOf(mappingHeader);
    response.status(HttpStatus.OK).json(await this.previews.preview(actor, importKind, head, mapping));
  }

  @Post(':kind')
  async upload(
    @CurrentMember() actor: AuthMember,
    @Param('kind') kind: string,
    @Query() query: Record<string, unknown>,
    @Headers('x-import-mapping') mappingHeader: string | undefined,
    @Headers('content-length') contentLength: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const importKind = kindOf(kind);
    checkUploadParameters(query);
    const { dryRun, saveMapping, fileName, handovers } = query;
    if (fileName !== undefined && typeof fileName !== 'string')
      throw AppError.badInput('fileName must be given once.');
    // JSON was read by the body parser before this runs, so nothing would be left to import.
    if (request.is('application/json'))
      throw AppError.badInput(
        "An import's file is the raw request body, sent with Content-Type: text/csv, not as JSON.",
      );
    const mapping = mappingOf(mappingHeader);
    const handoverMode = handoversOf(importKind, handovers);
    if (contentLength !== undefined && Number(contentLength) > this.imports.maxBytes) {
      response.setHeader('Connection', 'close');
      response.status(HttpStatus.PAYLOAD_TOO_LARGE).json({
        error: 'PAYLOAD_TOO_LARGE',
        message: `The file is larger than the limit of ${this.imports.maxBytes} bytes.`,
      });
      return;
    }
    const record = await this.imports.run(
      actor,
      {
        kind: importKind,
        dryRun: flagOf('dryRun', dryRun),
        saveMapping: flagOf('saveMapping', saveMapping),
        fileName: fileName?.slice(0, 255) ?? null,
        mapping,
        handovers: handoverMode,
      },
      request,
    );
    response.status(HttpStatus.OK).json(toImportSummary(record));
  }

  @Get(':id/report.csv')
  async report(
    @CurrentMember() actor: AuthMember,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const record = await this.importOf(actor, id);
    await sendCsv(response, reportDisposition(record.fileName, id), [
      `${REPORT_HEADER.map(csvCell).join(',')}\r\n`,
      mapLines(this.history.reportCsv(actor, id), reportCsvLine),
    ]);
  }

  /**
   * The import's refused rows as the file gave them (its first 10,000), its header first and why each was refused
   * in a last column: to fix in a spreadsheet and import again (docs/imports.md, "Fixing refused rows").
   */
  @Get(':id/refused.csv')
  async refused(
    @CurrentMember() actor: AuthMember,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const record = await this.importOf(actor, id);
    if (record.status === 'RUNNING')
      throw AppError.conflict(
        'The import is still running: its refused rows can be had once it has finished.',
      );
    const file = refusedRowsCsv(record.headers);
    await sendCsv(response, reportDisposition(record.fileName, id, 'refused'), [
      file.header,
      mapLines(this.history.refusedRows(actor, id), file.line),
    ]);
  }

  /** The import, if the actor may read it: another workspace's, or a kind they may not import, is not found. */
  private async importOf(actor: AuthMember, id: string): Promise<ImportRecord> {
    const record = await this.history.find(actor, id);
    if (!record) throw AppError.notFound('No such import in this workspace.');
    return record;
  }
}

async function* mapLines<T>(items: AsyncIterable<T>, line: (item: T) => string): AsyncGenerator<string> {
  for await (const item of items) yield line(item);
}

/**
 * Streams a CSV download: its header line, then its lines as they are read, waiting whenever the client is slower
 * than the database. A byte-order mark first: Excel reads a CSV without one in the machine's code page, garbling
 * "Nb employés".
 */
async function sendCsv(
  response: Response,
  disposition: string,
  [header, lines]: [string, AsyncIterable<string>],
): Promise<void> {
  response.status(HttpStatus.OK);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', disposition);
  response.write(`\ufeff${header}`);
  for await (const line of lines)
    if (!response.write(line)) await new Promise((resolve) => response.once('drain', resolve));
  response.end();
}

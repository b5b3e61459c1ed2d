import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  ApiResult,
  AuthStore,
  ImportFieldListDocument,
  ImportFieldListQuery,
  ImportFieldsFragment,
  ImportReportDocument,
  ImportReportQuery,
  ImportsDocument,
  attempt,
  required,
} from '@accord/web/shared/data-access';

import {
  IMPORT_KIND_PATHS,
  type ImportKindName,
  type ImportMapping,
  type ImportOutcome,
  type ImportPreview,
  PREVIEW_BYTES,
  type UploadOptions,
  downloadName,
  httpError,
  mappingHeader,
  uploadPath,
} from './import-requests';

export type ImportField = ImportFieldListQuery['importFields'][number];
export type ImportReportLine = ImportReportQuery['importReport']['lines'][number];

/** An HTTP answer that failed, carried through `attempt` as the ApiError it already is. */
class HttpFailure extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

/**
 * Imports for one page: past imports and reports over GraphQL; the file itself over HTTP — the browser streams
 * the File as the request body, so a large file is never read into memory by the page.
 */
@Injectable()
export class ImportsStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);

  readonly history = signal<ImportFieldsFragment[]>([]);
  readonly loading = signal(false);

  async loadHistory(): Promise<ApiResult<ImportFieldsFragment[]>> {
    this.loading.set(true);
    const result = await attempt(async () =>
      required(
        (await firstValueFrom(this.apollo.query({ query: ImportsDocument, fetchPolicy: 'network-only' })))
          .data?.imports,
      ),
    );
    this.loading.set(false);
    if (result.ok) this.history.set(result.value);
    return result;
  }

  fields(kind: ImportKindName): Promise<ApiResult<ImportField[]>> {
    return attempt(async () =>
      required(
        (await firstValueFrom(this.apollo.query({ query: ImportFieldListDocument, variables: { kind } })))
          .data?.importFields,
      ),
    );
  }

  report(importId: string, after = 0): Promise<ApiResult<ImportReportQuery['importReport']>> {
    return attempt(async () =>
      required(
        (
          await firstValueFrom(
            this.apollo.query({
              query: ImportReportDocument,
              variables: { importId, after, first: 200 },
              fetchPolicy: 'network-only',
            }),
          )
        ).data?.importReport,
      ),
    );
  }

  /**
   * What Accord makes of the file's first bytes: header, proposed (or saved) mapping, enumeration values. With a
   * mapping (the one being edited), the enumeration values and problems are that mapping's.
   */
  preview(kind: ImportKindName, file: Blob, mapping?: ImportMapping): Promise<ApiResult<ImportPreview>> {
    return this.send<ImportPreview>(
      `/api/v1/imports/${IMPORT_KIND_PATHS[kind]}/preview`,
      file.slice(0, PREVIEW_BYTES),
      mapping ? { 'X-Import-Mapping': mappingHeader(mapping) } : {},
    );
  }

  upload(
    kind: ImportKindName,
    file: File,
    mapping: ImportMapping,
    options: UploadOptions,
  ): Promise<ApiResult<ImportOutcome>> {
    return this.send<ImportOutcome>(uploadPath(kind, { ...options, fileName: file.name }), file, {
      'X-Import-Mapping': mappingHeader(mapping),
    });
  }

  /**
   * Fetches the report, or the refused rows as the file had them (to fix and import again), as CSV and hands it to
   * the browser as a download.
   */
  async download(importId: string, file: 'report' | 'refused' = 'report'): Promise<ApiResult<void>> {
    return this.unwrap(async () => {
      const response = await fetch(`/api/v1/imports/${importId}/${file}.csv`, { headers: this.headers() });
      if (!response.ok)
        throw new HttpFailure(httpError(response.status, await response.json().catch(() => null)));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download =
        downloadName(response.headers.get('content-disposition')) ?? `import-${importId}-${file}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    });
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const token = this.auth.token();
    return { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra };
  }

  private send<T>(path: string, body: Blob, extra: Record<string, string> = {}): Promise<ApiResult<T>> {
    return this.unwrap(async () => {
      const response = await fetch(path, {
        method: 'POST',
        headers: this.headers({ 'Content-Type': 'text/csv', ...extra }),
        body,
      });
      const answer: unknown = await response.json().catch(() => null);
      if (!response.ok) throw new HttpFailure(httpError(response.status, answer));
      return answer as T;
    });
  }

  private async unwrap<T>(call: () => Promise<T>): Promise<ApiResult<T>> {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      if (error instanceof HttpFailure) return { ok: false, error: error.apiError };
      return attempt(() => {
        throw error;
      });
    }
  }
}

import { Injectable } from '@nestjs/common';
import { parse as parseSync } from 'csv-parse/sync';

import type { AuthMember } from '@accord/api/shared/auth';
import { AppError } from '@accord/api/shared/graphql';
import {
  type ColumnProposal,
  type ImportKind,
  type ImportMapping,
  headerProblems,
  importFields,
  mapEnumValue,
  mappingFromProposal,
  mappingProblems,
  proposeMapping,
} from '@accord/domain/imports';

import { sniffDelimiter } from './csv-records';
import { type FileEncoding, binaryContent, decodeSample, detectEncoding } from './file-encoding';
import { ImportMappingsService } from './import-mappings.service';
import { checkMayImport } from './import-rules';

/** What Accord makes of a file's head, before anything is imported: the mapping step of the web page. */
export interface ImportPreview {
  headers: string[];
  proposals: ColumnProposal[];
  /** The mapping an import would use now: the saved one when it fits this header, else the proposal. */
  mapping: ImportMapping;
  savedMappingUsed: boolean;
  /** What the file's text was read as: a file saved by Excel on Windows is Windows-1252, not UTF-8. */
  encoding: FileEncoding;
  sampleRows: string[][];
  /** Per mapped enumeration column: the sample's distinct values and what each reads as (null: refused). */
  values: { field: string; header: string; value: string; mappedTo: string | null }[];
  problems: { field: string; message: string }[];
}

@Injectable()
export class ImportPreviewService {
  constructor(private readonly mappings: ImportMappingsService) {}

  /**
   * What Accord makes of a file's first lines: header, proposed mapping, sample rows and enumeration values. With
   * a mapping (the one the person is editing), its values and problems are those of that mapping instead.
   */
  async preview(
    actor: AuthMember,
    kind: ImportKind,
    sample: Buffer,
    given: ImportMapping | null = null,
  ): Promise<ImportPreview> {
    checkMayImport(actor, kind);
    const encoding = detectEncoding(sample);
    const binary = binaryContent(sample, encoding);
    if (binary) throw AppError.badInput(`The file is not readable CSV: ${binary}.`);
    const text = decodeSample(sample, encoding).replace(/^\uFEFF/, '');
    // The sample is the head of a file: its last line may be cut, so it is dropped unless the sample is whole.
    const cut = text.lastIndexOf('\n');
    const whole = cut >= 0 && cut < text.length - 1 ? text.slice(0, cut + 1) : text;
    let records: string[][];
    try {
      records = parseSync(whole, {
        delimiter: sniffDelimiter(whole.split(/\r?\n/, 1)[0]),
        relax_column_count: true,
        skip_empty_lines: true,
        relax_quotes: true,
      });
    } catch (error) {
      throw AppError.badInput(`The file is not readable CSV: ${(error as Error).message}`);
    }
    if (records.length === 0) throw AppError.badInput('The file is empty: it needs a header row.');
    const headers = records[0].map((header) => header.trim());
    const proposals = proposeMapping(kind, headers);
    const { saved, currency } = await this.mappings.startingPoint(actor.workspaceId, kind, headers);
    const savedFits = given === null && saved !== null;
    const mapping = given ?? saved?.mapping ?? mappingFromProposal(proposals, currency);
    const fields = new Map(importFields(kind).map((item) => [item.key, item]));
    const values: ImportPreview['values'] = [];
    mapping.columns.forEach((key, column) => {
      const enumeration = key ? fields.get(key)?.enumeration : undefined;
      if (!key || !enumeration) return;
      const seen = new Set<string>();
      for (const record of records.slice(1)) {
        const value = (record[column] ?? '').trim();
        if (value === '' || seen.has(value)) continue;
        seen.add(value);
        const mapped = mapEnumValue(enumeration, value, mapping.values[key] ?? {});
        values.push({
          field: key,
          header: headers[column],
          value,
          mappedTo: mapped.ok ? mapped.value : null,
        });
      }
    });
    return {
      headers,
      proposals,
      mapping,
      savedMappingUsed: savedFits,
      encoding,
      sampleRows: records.slice(1, 6),
      values: values.slice(0, 500),
      problems: [...headerProblems(headers), ...mappingProblems(kind, mapping, headers.length)],
    };
  }
}

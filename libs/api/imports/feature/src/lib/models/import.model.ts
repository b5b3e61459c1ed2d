import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import type { ImportRecord, SavedMapping } from '@accord/api/imports/data-access';
import { enumOf } from '@accord/api/shared/graphql';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportMapping,
  ROW_OUTCOMES,
  type RowOutcome,
} from '@accord/domain/imports';

export const ImportKindEnum = enumOf(IMPORT_KINDS);
export const ImportStatusEnum = enumOf(['RUNNING', 'DONE', 'FAILED'] as const);
export const RowOutcomeEnum = enumOf(ROW_OUTCOMES);
registerEnumType(ImportKindEnum, { name: 'ImportKind' });
registerEnumType(ImportStatusEnum, { name: 'ImportStatus' });
registerEnumType(RowOutcomeEnum, { name: 'ImportRowOutcome' });

@ObjectType({ description: 'One value of an enumeration column and the value Accord records for it.' })
export class ImportValueMapping {
  @Field()
  field!: string;
  @Field()
  from!: string;
  @Field()
  to!: string;
}

@ObjectType('ImportMapping', { description: 'How the columns of a file become fields.' })
export class ImportMappingModel {
  @Field(() => [String], {
    nullable: 'items',
    description: 'Per column, in order: the field it fills, or null.',
  })
  columns!: (string | null)[];
  @Field(() => [ImportValueMapping])
  values!: ImportValueMapping[];
  @Field(() => String, {
    nullable: true,
    description: 'DMY or MDY for dates such as 03/04/2025; null refuses them.',
  })
  dateOrder!: string | null;
  @Field()
  defaultCurrency!: string;
}

@ObjectType('Import', { description: 'One import of a CSV file, dry or real, with what became of its rows.' })
export class ImportSummary {
  @Field(() => ID)
  id!: string;
  @Field(() => ImportKindEnum)
  kind!: ImportKind;
  @Field(() => String, { nullable: true })
  fileName!: string | null;
  @Field()
  dryRun!: boolean;
  @Field(() => ImportStatusEnum)
  status!: 'RUNNING' | 'DONE' | 'FAILED';
  @Field(() => [String])
  headers!: string[];
  @Field(() => ImportMappingModel, { nullable: true })
  mapping!: ImportMappingModel | null;
  @Field(() => Float)
  bytes!: number;
  @Field(() => Int, { description: 'Data rows read (the header not counted).' })
  rows!: number;
  @Field(() => Int)
  created!: number;
  @Field(() => Int)
  updated!: number;
  @Field(() => Int)
  unchanged!: number;
  @Field(() => Int)
  skipped!: number;
  @Field(() => Int)
  refused!: number;
  @Field(() => Int, { description: 'Rows saved after cleaning (each cleaning is a line of the report).' })
  cleaned!: number;
  @Field(() => Int)
  reportLines!: number;
  @Field(() => Int, {
    description:
      'Refused rows whose cells were kept for the file of rows to fix (refused.csv): the first 10,000, or fewer ' +
      'when their cells are wide; 0 for imports made before it was kept.',
  })
  refusedRowsKept!: number;
  @Field(() => String, { nullable: true, description: 'Why the import stopped, and where.' })
  error!: string | null;
  @Field()
  startedAt!: Date;
  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType()
export class ImportReportLine {
  @Field(() => Int, { description: 'The row in the file; the header is row 1.' })
  row!: number;
  @Field(() => RowOutcomeEnum)
  outcome!: RowOutcome;
  @Field({ description: 'The header of the column concerned; empty for the whole row.' })
  column!: string;
  @Field()
  message!: string;
}

@ObjectType()
export class ImportReportPage {
  @Field(() => [ImportReportLine])
  lines!: ImportReportLine[];
  @Field(() => Int, { nullable: true, description: 'Pass as `after` for the next page; null on the last.' })
  next!: number | null;
}

@ObjectType({
  description: 'The mapping saved for the files of one kind with one header: each CRM export keeps its own.',
})
export class SavedImportMapping {
  @Field(() => ImportKindEnum)
  kind!: ImportKind;
  @Field(() => [String], { description: 'The header it was saved for: its cells, trimmed, in order.' })
  headers!: string[];
  @Field(() => ID, {
    description: "The header's fingerprint: with the kind, it identifies the saved mapping.",
  })
  headerKey!: string;
  @Field(() => ImportMappingModel)
  mapping!: ImportMappingModel;
  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'A field a kind of import can fill.' })
export class ImportFieldInfo {
  @Field()
  key!: string;
  @Field()
  label!: string;
  @Field()
  type!: string;
  @Field()
  required!: boolean;
  @Field(() => [String], {
    description: 'For enumerations: the values Accord records (empty when any is taken).',
  })
  values!: string[];
}

export function toMappingModel(mapping: ImportMapping): ImportMappingModel {
  return {
    columns: mapping.columns,
    values: Object.entries(mapping.values).flatMap(([field, map]) =>
      Object.entries(map).map(([from, to]) => ({ field, from, to })),
    ),
    dateOrder: mapping.dateOrder,
    defaultCurrency: mapping.defaultCurrency,
  };
}

export function toImportSummary(record: ImportRecord): ImportSummary {
  return {
    id: record.id,
    kind: record.kind,
    fileName: record.fileName,
    dryRun: record.dryRun,
    status: record.status,
    headers: record.headers,
    mapping: record.mapping && Array.isArray(record.mapping.columns) ? toMappingModel(record.mapping) : null,
    bytes: record.bytes,
    rows: record.rows,
    created: record.counts.CREATED,
    updated: record.counts.UPDATED,
    unchanged: record.counts.UNCHANGED,
    skipped: record.counts.SKIPPED,
    refused: record.counts.REFUSED,
    cleaned: record.cleaned,
    reportLines: record.reportLines,
    refusedRowsKept: record.refusedRowsKept,
    error: record.error,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
  };
}

export function toSavedMapping(saved: SavedMapping): SavedImportMapping {
  return {
    kind: saved.kind,
    headers: saved.headers,
    headerKey: saved.headerKey,
    mapping: toMappingModel(saved.mapping),
    updatedAt: saved.updatedAt,
  };
}

import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';
import {
  ENUMERATION_CHOICES,
  type ImportKind,
  type ImportMapping,
  importFields,
} from '@accord/domain/imports';

import { ImportReportArgs, SaveImportMappingInput } from './dto/import.inputs';
import { ImportHistoryService } from './import-history.service';
import { ImportMappingsService } from './import-mappings.service';
import {
  ImportFieldInfo,
  ImportKindEnum,
  ImportReportPage,
  ImportSummary,
  SavedImportMapping,
  toImportSummary,
  toSavedMapping,
} from './models/import.model';

/** Imports as the web app lists and reads them; files themselves go through the HTTP endpoint (ImportsController). */
@Roles('ADMIN', 'MARKETING')
@Resolver(() => ImportSummary)
export class ImportsResolver {
  constructor(
    private readonly history: ImportHistoryService,
    private readonly mappings: ImportMappingsService,
  ) {}

  @Query(() => [ImportSummary], { description: "The workspace's imports, newest first." })
  async imports(
    @CurrentMember() actor: AuthMember,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<ImportSummary[]> {
    return (await this.history.list(actor, Math.min(Math.max(first, 1), 200))).map(toImportSummary);
  }

  @Query(() => ImportSummary, { nullable: true })
  async importRun(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<ImportSummary | null> {
    const record = await this.history.find(actor, id);
    return record ? toImportSummary(record) : null;
  }

  @Query(() => ImportReportPage, { description: "A page of an import's report, in file order." })
  async importReport(
    @CurrentMember() actor: AuthMember,
    @Args() args: ImportReportArgs,
  ): Promise<ImportReportPage> {
    const lines = await this.history.lines(actor, args.importId, args.after, args.first);
    return {
      lines: lines.map(({ row, outcome, column, message }) => ({ row, outcome, column, message })),
      next: lines.length === args.first ? lines[lines.length - 1].id : null,
    };
  }

  @Query(() => [SavedImportMapping], {
    description: 'The mappings saved, one per kind and header: by kind, the one saved last first.',
  })
  async importMappings(@CurrentMember() actor: AuthMember): Promise<SavedImportMapping[]> {
    return (await this.mappings.list(actor)).map(toSavedMapping);
  }

  @Query(() => [ImportFieldInfo], { description: 'The fields a kind of import can fill.' })
  async importFields(
    @CurrentMember() actor: AuthMember,
    @Args('kind', { type: () => ImportKindEnum }) kind: ImportKind,
  ): Promise<ImportFieldInfo[]> {
    const fields = importFields(kind);
    // Signal types take the workspace's own too: those the version in force scores ("TRIAL_STARTED").
    const agreedTypes = fields.some((item) => item.enumeration === 'SIGNAL_TYPE')
      ? await this.mappings.agreedSignalTypes(actor.workspaceId)
      : [];
    return fields.map((item) => ({
      key: item.key,
      label: item.label,
      type: item.type,
      required: item.required,
      values: item.enumeration
        ? [
            ...new Set([
              ...ENUMERATION_CHOICES[item.enumeration],
              ...(item.enumeration === 'SIGNAL_TYPE' ? agreedTypes : []),
            ]),
          ]
        : [],
    }));
  }

  @Mutation(() => SavedImportMapping, {
    description:
      "Saves the mapping used from now on for this kind's files with this header, replacing the one saved for it.",
  })
  async saveImportMapping(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: SaveImportMappingInput,
  ): Promise<SavedImportMapping> {
    const values: ImportMapping['values'] = {};
    for (const { field, from, to } of input.values) values[field] = { ...values[field], [from]: to };
    const mapping: ImportMapping = {
      columns: input.columns,
      values,
      dateOrder: (input.dateOrder as ImportMapping['dateOrder']) ?? null,
      defaultCurrency: input.defaultCurrency,
    };
    return toSavedMapping(await this.mappings.save(actor, input.kind, input.headers, mapping));
  }
}

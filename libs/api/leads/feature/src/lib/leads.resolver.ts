import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsString, Length } from 'class-validator';

import { AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';

import { ApiKeysService } from './api-keys.service';
import { LeadInput, LeadsArgs, RecordSignalInput } from './dto/lead.inputs';
import { LeadsService } from './leads.service';
import { ApiKey, CreatedApiKey, IngestResult } from './models/api-key.model';
import { Lead, LeadConnection, LeadDetail, ScoringStatus } from './models/lead.model';
import { IngestReport } from './signal-ingestion.service';

@ArgsType()
class CreateApiKeyArgs {
  @Field({ description: 'What the key is for, e.g. "Website tracking".' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field({
    defaultValue: false,
    description:
      'Whether the key may also import CSV files over the HTTP API (`/api/v1/imports/…`), acting as the admin who creates it.',
  })
  @IsBoolean()
  imports!: boolean;
}

export function toIngestResult(report: IngestReport): IngestResult {
  return {
    ...report,
    items: report.items.map((item) => ({
      ...item,
      problems: item.problems?.map((problem) =>
        problem.path ? `${problem.path}: ${problem.message}` : problem.message,
      ),
    })),
  };
}

/** Marketing, sales and admins work with leads; executives read the dashboard instead. */
@Roles('ADMIN', 'MARKETING', 'SALES')
@Resolver(() => Lead)
export class LeadsResolver {
  constructor(private readonly service: LeadsService) {}

  @Query(() => LeadConnection, {
    description: 'Leads with their evaluation under the version they are scored by.',
  })
  leads(@CurrentMember() actor: AuthMember, @Args() args: LeadsArgs): Promise<LeadConnection> {
    return this.service.list(actor, args);
  }

  @Query(() => LeadDetail)
  lead(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<LeadDetail> {
    return this.service.detail(actor, id);
  }

  // Executives too: the agreement's pages, which they read, say how many leads a published version rescored.
  @Roles('ADMIN', 'MARKETING', 'SALES', 'EXECUTIVE')
  @Query(() => ScoringStatus, {
    description: "Which version leads are scored by, and the latest rescore's progress.",
  })
  scoringStatus(@CurrentMember() actor: AuthMember): Promise<ScoringStatus> {
    return this.service.scoringStatus(actor);
  }

  @Mutation(() => Lead)
  createLead(@CurrentMember() actor: AuthMember, @Args('input') input: LeadInput): Promise<Lead> {
    return this.service.create(actor, input);
  }

  /** Contact and company data are marketing's to keep; sales read them and act through the handover. */
  @Roles('ADMIN', 'MARKETING')
  @Mutation(() => Lead)
  updateLead(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
    @Args('input') input: LeadInput,
  ): Promise<Lead> {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => IngestResult, {
    description: 'Records one signal for a lead; the lead is rescored at once.',
  })
  async recordSignal(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: RecordSignalInput,
  ): Promise<IngestResult> {
    return toIngestResult(await this.service.recordSignal(actor, input));
  }
}

@Roles('ADMIN')
@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly service: ApiKeysService) {}

  @Query(() => [ApiKey])
  apiKeys(@CurrentMember() actor: AuthMember): Promise<ApiKey[]> {
    return this.service.list(actor);
  }

  @Mutation(() => CreatedApiKey)
  createApiKey(@CurrentMember() actor: AuthMember, @Args() args: CreateApiKeyArgs): Promise<CreatedApiKey> {
    return this.service.create(actor, args.name, args.imports);
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key; requests with it fail at once.' })
  revokeApiKey(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<ApiKey> {
    return this.service.revoke(actor, id);
  }
}

import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A key machine clients use to send leads and signals (and import files, if allowed); the secret itself is never shown again.',
})
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  prefix!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastUsedAt!: Date | null;

  @Field({
    description:
      'Whether it may also import CSV files over the HTTP API, acting as the admin who created it.',
  })
  imports!: boolean;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({ description: 'The key to send as `Authorization: Bearer <key>`. Shown once: store it now.' })
  secret!: string;
}

@ObjectType({ description: 'What happened to one event of an ingestion request.' })
export class IngestItem {
  @Field(() => Int)
  index!: number;

  @Field(() => String, { nullable: true })
  externalId!: string | null;

  @Field({ description: 'STORED, DUPLICATE, REFUSED or UNMATCHED.' })
  status!: string;

  @Field(() => ID, { nullable: true })
  leadId?: string;

  @Field(() => [String], { nullable: true, description: 'Why it was refused or not matched.' })
  problems?: string[];
}

@ObjectType()
export class IngestResult {
  @Field(() => Int)
  stored!: number;

  @Field(() => Int)
  duplicates!: number;

  @Field(() => Int)
  refused!: number;

  @Field(() => Int)
  unmatched!: number;

  @Field(() => [IngestItem])
  items!: IngestItem[];
}

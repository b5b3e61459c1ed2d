import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { DATE_ORDERS, IMPORT_KINDS, type ImportKind } from '@accord/domain/imports';

import { ImportKindEnum } from '../models/import.model';

@InputType()
export class ImportValueMappingInput {
  @Field()
  @IsString()
  @MaxLength(100)
  field!: string;
  @Field()
  @IsString()
  @MaxLength(200)
  from!: string;
  @Field()
  @IsString()
  @MaxLength(100)
  to!: string;
}

@InputType()
export class SaveImportMappingInput {
  @Field(() => ImportKindEnum)
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;

  @Field(() => [String], { description: "The file's header, as read." })
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  headers!: string[];

  @Field(() => [String], { nullable: 'items', description: 'Per column: the field it fills, or null.' })
  @ArrayMaxSize(500)
  @IsOptional({ each: true })
  @IsString({ each: true })
  columns!: (string | null)[];

  @Field(() => [ImportValueMappingInput], { defaultValue: [] })
  @ArrayMaxSize(2_000)
  @ValidateNested({ each: true })
  @Type(() => ImportValueMappingInput)
  values!: ImportValueMappingInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(DATE_ORDERS)
  dateOrder?: string | null;

  @Field({ defaultValue: 'USD' })
  @Matches(/^[A-Z]{3}$/, { message: 'defaultCurrency must be three capital letters (ISO 4217), e.g. USD' })
  defaultCurrency!: string;
}

@ArgsType()
export class ImportReportArgs {
  @Field(() => ID)
  @IsUUID()
  importId!: string;

  @Field(() => Int, { defaultValue: 0, description: 'The `next` of the previous page; 0 for the first.' })
  @IsInt()
  @Min(0)
  after!: number;

  @Field(() => Int, { defaultValue: 100 })
  @IsInt()
  @Min(1)
  @Max(1_000)
  first!: number;
}

import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, normaliseEmail } from '@accord/domain/workspace';

import { RoleEnum } from '../models/member.model';

/** The input fields several operations share, each declared once with its validation. */
/** Checked as stored: lower case can be longer than what was typed ("İ" becomes two code points). */
export const EmailField = () =>
  applyDecorators(
    Field(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseEmail(value) : value)),
    IsEmail({}, { message: 'must be an e-mail address' }),
    MaxLength(254),
  );

export const NameField = () =>
  applyDecorators(Field(), IsString(), Length(1, 120), Matches(/\S/, { message: 'must not be blank' }));

export const NewPasswordField = () =>
  applyDecorators(
    Field(),
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` }),
    MaxLength(PASSWORD_MAX_LENGTH),
  );

export const RolesField = () =>
  applyDecorators(
    Field(() => [RoleEnum]),
    ArrayMinSize(1, { message: 'give at least one role' }),
    ArrayMaxSize(ROLES.length),
    ArrayUnique(),
    IsIn(ROLES, { each: true }),
  );

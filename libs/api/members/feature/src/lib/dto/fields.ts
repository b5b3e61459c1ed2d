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
  ValidateBy,
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

/** A name that is not blank, e.g. a workspace's. */
export const NameField = () =>
  applyDecorators(Field(), IsString(), Length(1, 120), Matches(/\S/, { message: 'must not be blank' }));

/**
 * Control characters (line breaks and tabs included), the Unicode line and paragraph separators, and the
 * bidirectional overrides and isolates, which show text in another order than it is written.
 */
export const NAME_CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * What reads as a web address, which mail programs and pages turn into a link: a scheme and `://`
 * (`https://`, `ftp://`), `www.`, or a word, a dot and two or more letters ending a word (`example.com`,
 * `bit.ly/x`, `evil.co.uk/login`). "Dr. J. Smith Jr." passes: each of its dots ends a word.
 */
export const NAME_WEB_ADDRESS = /[a-z][a-z\d+.-]*:\/\/|www\.|[\p{L}\p{N}]\.[a-z]{2,}(?![\p{L}\p{N}])/iu;

/** Fails when the (string) value matches `pattern`: the opposite of `Matches`. */
const NotMatching = (name: string, pattern: RegExp, message: string) =>
  ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !pattern.test(value),
      defaultMessage: () => message,
    },
  });

/**
 * A person's name, which an invitation e-mail quotes to the invitee: one line of text, no web address, so that
 * an invitation cannot carry someone else's message or link to any address an admin types.
 */
export const PersonNameField = () =>
  applyDecorators(
    NameField(),
    NotMatching(
      'noControlCharacters',
      NAME_CONTROL_CHARACTERS,
      'must not contain control characters or line breaks',
    ),
    NotMatching(
      'noWebAddress',
      NAME_WEB_ADDRESS,
      'must not contain a web address (http://, www. or a name.domain such as example.com)',
    ),
  );

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

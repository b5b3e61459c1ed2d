import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';

import { AppError, FieldProblem } from './app-error';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The path of the first string in `value` that `bad` picks ("notes", "answers[2].note"), or null. */
export function stringPath(value: unknown, bad: (text: string) => boolean, path = ''): string | null {
  if (typeof value === 'string') return bad(value) ? path || 'value' : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = stringPath(value[index], bad, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = stringPath(item, bad, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

const hasNul = (text: string) => text.includes('\u0000');
/** Half of a UTF-16 surrogate pair alone: with the `u` flag a whole pair is one code point, which \p{Cs} skips. */
const hasLoneSurrogate = (text: string) => /\p{Cs}/u.test(text);

/**
 * The first string of an input PostgreSQL would refuse, and why, or null: it stores no NUL in text, and no lone
 * surrogate in jsonb (where notes, labels and mappings also go), so either would fail there as an internal error.
 * Inputs the domain validates check NUL with their other rules, naming every bad field at once.
 */
export function unstorableString(value: unknown, path = '', nulCheckedByDomain = false): FieldProblem | null {
  const nul = nulCheckedByDomain ? null : stringPath(value, hasNul, path);
  if (nul !== null) return { field: nul, message: 'must not contain a NUL character (U+0000)' };
  const surrogate = stringPath(value, hasLoneSurrogate, path);
  if (surrogate === null) return null;
  return { field: surrogate, message: 'must be well-formed Unicode (it holds half of a surrogate pair)' };
}

const VALIDATED_BY_DOMAIN = Symbol('validatedByDomain');

/**
 * Marks an input whose values the domain's rules validate, NUL and other control characters included, naming
 * every bad field at once: the pipe's NUL check leaves it to them rather than report the NUL alone.
 */
export function ValidatedByDomain(): ClassDecorator {
  return (target) => Reflect.defineMetadata(VALIDATED_BY_DOMAIN, true, target);
}

function validatedByDomain(metatype: ArgumentMetadata['metatype']): boolean {
  return metatype !== undefined && Reflect.getMetadata(VALIDATED_BY_DOMAIN, metatype) === true;
}

/**
 * The parameters that carry client input: REST bodies, queries and path parameters, and GraphQL arguments (Nest
 * hands resolvers' pipes the GraphQL parameter type as a number; 3 is `GqlParamtype.ARGS`, not exported).
 */
const CLIENT_INPUT: ReadonlySet<unknown> = new Set(['body', 'query', 'param', 3]);

/**
 * Class-validator's pipe, refusing first any string of any argument that PostgreSQL cannot store: every input,
 * present and future, is covered without a decorator on each free-text field.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what clients send: not the GraphQL context, the request or a decorator's member, which hold cycles.
    const problem = CLIENT_INPUT.has(metadata.type)
      ? // Named from the argument's root, as class-validator names fields; a lone string by its argument.
        unstorableString(
          value,
          typeof value === 'string' ? (metadata.data ?? '') : '',
          validatedByDomain(metadata.metatype),
        )
      : null;
    if (problem !== null) throw AppError.badInput(`${problem.field}: ${problem.message}`, [problem]);
    return super.transform(value, metadata);
  }
}

/** The one validation pipe: strips nothing silently — unknown fields are refused — and names each bad field. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return AppError.badInput(
        fields.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
        fields,
      );
    },
  });
}

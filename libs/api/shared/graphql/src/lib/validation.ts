import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';

import { AppError, FieldProblem } from './app-error';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The path of the first string holding a NUL character ("notes", "answers[2].note"), or null. PostgreSQL cannot
 * store NUL in text, so such a value would otherwise fail in the database as an internal error.
 */
export function nulCharacterPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = nulCharacterPath(value[index], `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulCharacterPath(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
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
 * Class-validator's pipe, refusing a NUL character in any string of any argument first: every input, present and
 * future, is covered without a decorator on each free-text field.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what clients send: not the GraphQL context, the request or a decorator's member, which hold cycles.
    const field =
      CLIENT_INPUT.has(metadata.type) && !validatedByDomain(metadata.metatype)
        ? // Named from the argument's root, as class-validator names fields; a lone string by its argument.
          nulCharacterPath(value, typeof value === 'string' ? (metadata.data ?? '') : '')
        : null;
    if (field !== null) {
      const message = 'must not contain a NUL character (U+0000)';
      throw AppError.badInput(`${field}: ${message}`, [{ field, message }]);
    }
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

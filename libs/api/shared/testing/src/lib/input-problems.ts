import { plainToInstance } from 'class-transformer';
import { type ValidationError, validate } from 'class-validator';

/**
 * What the API's validation pipe would refuse in `plain` as a `type`: the path of every refused property, nested
 * ones after their parents (`answers`, `0`, `key`), in the order the validator reports them.
 */
export async function inputProblems<T extends object>(type: new () => T, plain: object): Promise<string[]> {
  const errors = await validate(plainToInstance(type, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  const flatten = (list: readonly ValidationError[]): string[] =>
    list.flatMap((error) => [error.property, ...flatten(error.children ?? [])].filter(Boolean));
  return flatten(errors);
}

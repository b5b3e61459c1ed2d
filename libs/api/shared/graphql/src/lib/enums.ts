/** A GraphQL enum object from a domain's list of values, so the schema and the domain cannot drift apart. */
export function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

import {
  DocumentNode,
  GraphQLInputType,
  GraphQLSchema,
  Kind,
  TypeNode,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  validate,
} from 'graphql';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { OPERATION_LIMITS, operationCost, operationLimitSettings } from '@accord/api/shared/graphql';

const ROOT = join(__dirname, '../../..');

const MAX_PAGE = 100;

const SCALAR_PLACEHOLDERS: Record<string, unknown> = {
  Int: 1,
  Float: 1,
  Boolean: true,
  DateTime: '2026-01-01T00:00:00.000Z',
  Date: '2026-01-01',
};

/** Some valid value of an input type: required fields filled, lists empty. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, placeholder(field.type)]),
    );
  }
  return SCALAR_PLACEHOLDERS[named.name] ?? 'x';
}

function variablesOf(schema: GraphQLSchema, document: DocumentNode, name: string): Record<string, unknown> {
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return {};
  return Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter(
        (definition) =>
          definition.variable.name.value === 'first' ||
          (definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue),
      )
      .map((definition) => [
        definition.variable.name.value,
        // The largest page the API serves (`@Max(100) first`), whatever the screen asks for today.
        definition.variable.name.value === 'first'
          ? MAX_PAGE
          : placeholder(
              typeFromAST(
                schema,
                definition.type as TypeNode & { kind: Kind.NON_NULL_TYPE },
              ) as GraphQLInputType,
            ),
      ]),
  );
}

function webDocuments(dir = join(ROOT, 'libs/web')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return webDocuments(path);
    return entry.name.endsWith('.graphql') ? [readFileSync(path, 'utf8')] : [];
  });
}

// The limits must refuse abuse, never the product's own screens: every operation the web app sends passes them.
describe('the operation limits and the web app', () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'));
  const document: DocumentNode = parse(webDocuments().join('\n'), { maxTokens: Number.MAX_SAFE_INTEGER });
  const operations = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
  );

  it('finds the web app operations', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it('passes depth, selection, alias and directive limits for every operation', () => {
    const { validationRules } = operationLimitSettings(OPERATION_LIMITS);
    expect(validate(schema, document, validationRules).map((error) => error.message)).toEqual([]);
  });

  it('keeps every operation under half the cost limit, at the largest page size', () => {
    const costs = operations.map(
      (name) => [name, operationCost(schema, document, variablesOf(schema, document, name), name)] as const,
    );
    expect(costs.filter(([, cost]) => cost > OPERATION_LIMITS.cost / 2)).toEqual([]);
  });

  it('keeps every operation under half the token limit', () => {
    for (const definition of document.definitions) {
      const text = definition.loc?.source.body.slice(definition.loc.start, definition.loc.end) ?? '';
      expect(() => parse(text, { maxTokens: OPERATION_LIMITS.tokens / 2 })).not.toThrow();
    }
  });
});

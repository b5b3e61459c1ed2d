import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** What one GraphQL operation may ask for. Every limit is set here, explicitly, and named in its refusal. */
export interface OperationLimits {
  /** Nesting of selections, fragments flattened. */
  depth: number;
  /** Estimated cost: 1 per field, a list's selections multiplied by its `first`. */
  cost: number;
  /** Fields selected in all, `__typename` and fields reached through fragments included. */
  selections: number;
  aliases: number;
  directives: number;
  /** Lexical tokens of the query text (graphql-js stops parsing past it). */
  tokens: number;
}

/**
 * The product's limits. The web app's own operations stay well under them (operation-limits.spec.ts checks
 * every document it sends), so only hand-made abuse reaches one.
 */
export const OPERATION_LIMITS: OperationLimits = {
  depth: 8,
  cost: 20_000,
  selections: 400,
  aliases: 20,
  directives: 20,
  tokens: 4_000,
};

export type OperationLimitName = 'DEPTH' | 'COST' | 'SELECTIONS' | 'ALIASES' | 'DIRECTIVES' | 'TOKENS';

/**
 * A refusal that names the limit. Apollo reports validation errors as GRAPHQL_VALIDATION_FAILED with HTTP 400;
 * `extensions.limit` and `extensions.maximum` tell a client which limit, and how far it may go.
 */
export function limitError(limit: OperationLimitName, maximum: number, found: number): GraphQLError {
  const what: Record<OperationLimitName, string> = {
    DEPTH: 'depth',
    COST: 'cost',
    SELECTIONS: 'number of selected fields',
    ALIASES: 'number of aliases',
    DIRECTIVES: 'number of directives',
    TOKENS: 'number of tokens',
  };
  return new GraphQLError(
    `The operation's ${what[limit]} (${found}) exceeds the limit of ${maximum}; ask for less, or page through it.`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, maximum, http: { status: 400 } } },
  );
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Counts every field an operation selects, fragments expanded where they are spread (a fragment spread ten
 * times costs ten times). Introspection is left to its own switch: it is off in production.
 */
export function maxSelectionsRule(maximum: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const memo = new Map<string, number>();
    const count = (selectionSet: SelectionSetNode, active: Set<string>): number => {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (INTROSPECTION_ROOTS.has(selection.name.value)) continue;
          total += 1 + (selection.selectionSet ? count(selection.selectionSet, active) : 0);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          total += count(selection.selectionSet, active);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // A cycle or an unknown fragment is reported by graphql-js's own rules.
          if (!fragment || active.has(name)) continue;
          if (!memo.has(name)) memo.set(name, count(fragment.selectionSet, new Set([...active, name])));
          total += memo.get(name) ?? 0;
        }
        if (total > maximum) return total;
      }
      return total;
    };
    return {
      OperationDefinition(operation) {
        const found = count(operation.selectionSet, new Set());
        if (found > maximum) context.reportError(limitError('SELECTIONS', maximum, found));
      },
    };
  };
}

/** A paginated field (one with a numeric `first`) costs its page size times what each item selects. */
const paginationEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first: unknown = args['first'];
  if (typeof first === 'number' && Number.isFinite(first))
    return Math.max(1, first) * Math.max(1, childComplexity);
  return undefined;
};

/** The cost of one operation with its variables, as the limit counts it. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [paginationEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** How many variable sets' costs are kept per document: clients repeat a handful of them. */
const COSTS_PER_DOCUMENT = 64;

/**
 * Cost needs the variables (`first: $first`), which validation rules do not see, so it is checked once the
 * operation is resolved, before anything executes. Apollo hands the same parsed document to every request with
 * the same text, so a document's cost per variable set is computed once: walking the query against the schema
 * cost as much as serving a cached page.
 */
export function costLimitPlugin(maximum: number): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): number => {
    const key = JSON.stringify([operationName ?? null, variables ?? {}]);
    let costs = known.get(document);
    const cached = costs?.get(key);
    if (cached !== undefined) return cached;
    const cost = operationCost(schema, document, variables, operationName);
    if (!costs) known.set(document, (costs = new Map<string, number>()));
    if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
    return cost;
  };
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = costOf(schema, document, request.variables, operationName ?? undefined);
          } catch (error) {
            // Too many nodes to even evaluate is over the limit too; bad variables are left for execution to
            // report in its own words.
            if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))
              throw limitError('COST', maximum, maximum + 1);
            return Promise.resolve();
          }
          if (cost > maximum) throw limitError('COST', maximum, cost);
          return Promise.resolve();
        },
      });
    },
  };
}

function reject(limit: OperationLimitName, maximum: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? maximum + 1);
    context?.reportError(limitError(limit, maximum, found));
  };
}

/**
 * Apollo settings for the limits: validation rules (depth, aliases, directives from graphql-armor; selections),
 * the cost plugin and the parser's token limit.
 */
export function operationLimitSettings(limits: OperationLimits) {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.depth,
      flattenFragments: true,
      ignoreIntrospection: true,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [reject('DEPTH', limits.depth)],
    },
    maxAliases: {
      n: limits.aliases,
      // armor exempts `a1: __typename … aN: __typename` by default: a cheap way to multiply work all the same.
      allowList: [],
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [reject('ALIASES', limits.aliases)],
    },
    maxDirectives: {
      n: limits.directives,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [reject('DIRECTIVES', limits.directives)],
    },
    // Cost and tokens are enforced below: armor's cost ignores page sizes, and graphql-js counts tokens itself.
    // Suggestions are removed by the module's error formatter in production: armor's mask leaves a stray "?".
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: [...armor.validationRules, maxSelectionsRule(limits.selections)],
    plugins: [...armor.plugins, costLimitPlugin(limits.cost)],
    parseOptions: { maxTokens: limits.tokens },
  };
}

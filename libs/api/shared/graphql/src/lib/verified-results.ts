import type {
  ApolloServerPlugin,
  GraphQLRequestContextResponseForOperation,
  GraphQLRequestListener,
  GraphQLResponse,
} from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Injectable, Logger, Module } from '@nestjs/common';
import {
  FieldNode,
  type FormattedExecutionResult,
  type GraphQLSchema,
  Kind,
  OperationTypeNode,
  type SelectionSetNode,
  getArgumentValues,
  getVariableValues,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

/**
 * A root query field whose result can be served again while a fingerprint of what it shows is unchanged: the
 * field's resolver vouches for the fingerprint of the rows it read (`vouch`), and `fingerprint` computes the
 * same string from the database without reading the result (one statement, not the page).
 */
export interface VerifiedField<Context extends RequestContext = RequestContext> {
  /** Fields below it that the fingerprint does not cover (counts, say): an operation selecting one always runs. */
  uncovered?: readonly string[];
  fingerprint(context: Context, args: Record<string, unknown>): Promise<string>;
}

/** What GraphQL context the cache needs: the request and the member its gate authenticated. */
export interface RequestContext {
  req?: { user?: unknown };
}

interface StoredResult {
  fingerprint: string;
  data: Record<string, unknown>;
  /** The response body, serialized once when it was stored. */
  body: string;
}

/** A cached result's body, serialized once: `stringifyResult` answers with it instead of serializing again. */
const serializedBodies = new WeakMap<object, string>();

/** Apollo's `stringifyResult`: compact JSON, and a verified result's body as it was serialized when stored. */
export function stringifyResult(value: FormattedExecutionResult): string {
  if (value.data && !value.errors && !value.extensions) {
    const body = serializedBodies.get(value.data);
    if (body !== undefined) return body;
  }
  return JSON.stringify(value);
}

const MAX_RESULTS = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Results of repeated reads, kept per member and operation and served again only after the database confirms,
 * in one statement, that nothing the result shows has changed. Correct across replicas and writers with no
 * invalidation: a stale entry just fails its fingerprint. Bounded by count and by bytes, least recently used out.
 */
@Injectable()
export class VerifiedResults {
  private readonly fields = new Map<string, VerifiedField>();
  private readonly results = new LRUCache<string, StoredResult>({
    max: MAX_RESULTS,
    maxSize: MAX_BYTES,
    sizeCalculation: (result) => result.body.length * 2 + result.fingerprint.length * 2,
  });
  private readonly vouched = new WeakMap<object, string>();

  /** Makes a root query field cacheable (a feature module calls this once, on init). */
  register<Context extends RequestContext>(fieldName: string, field: VerifiedField<Context>): void {
    this.fields.set(fieldName, field);
  }

  field(fieldName: string): VerifiedField | undefined {
    return this.fields.get(fieldName);
  }

  /** Called by a verified field's resolver with the fingerprint of the rows its result was built from. */
  vouch(context: object, fingerprint: string): void {
    this.vouched.set(context, fingerprint);
  }

  vouchedFor(context: object): string | undefined {
    return this.vouched.get(context);
  }

  get(key: string): StoredResult | undefined {
    return this.results.get(key);
  }

  store(key: string, fingerprint: string, data: Record<string, unknown>): void {
    const body = JSON.stringify({ data });
    serializedBodies.set(data, body);
    this.results.set(key, { fingerprint, data, body });
  }
}

/** The one registered root field an operation selects, if it is cacheable at all. */
interface Candidate {
  key: string;
  field: VerifiedField;
  node: FieldNode;
}

/** Every field name selected under a selection set, through fragments. */
function selectedNames(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, { selectionSet: SelectionSetNode }>,
  names = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      names.add(selection.name.value);
      selectedNames(selection.selectionSet, fragments, names, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      selectedNames(selection.selectionSet, fragments, names, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      selectedNames(fragments[selection.name.value]?.selectionSet, fragments, names, seen);
    }
  }
  return names;
}

/**
 * Serves a query from VerifiedResults when its fingerprint still matches, and stores what a verified field's
 * resolver vouched for after a clean execution. Only queries of one registered root field (besides
 * `__typename`), by an authenticated member, qualify; the key is the member as authenticated (id, roles…), the
 * operation's text, its name and its variables. Runs after the operation gate has authenticated and counted the
 * request and after every operation limit, which all still apply to served results.
 */
@Plugin()
export class VerifiedResultsPlugin implements ApolloServerPlugin<RequestContext> {
  private readonly logger = new Logger(VerifiedResultsPlugin.name);

  constructor(private readonly results: VerifiedResults) {}

  requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    let candidate: Candidate | null = null;
    return Promise.resolve({
      responseForOperation: async (request) => {
        candidate = this.candidate(request);
        if (!candidate) return null;
        const stored = this.results.get(candidate.key);
        if (!stored) return null;
        const fingerprint = await this.fingerprint(candidate, request);
        if (fingerprint !== stored.fingerprint) return null;
        const response: GraphQLResponse = {
          http: { status: undefined, headers: new HeaderMap() },
          body: { kind: 'single', singleResult: { data: stored.data } },
        };
        return response;
      },
      willSendResponse: ({ response, contextValue }) => {
        const vouched = this.results.vouchedFor(contextValue);
        if (
          candidate &&
          vouched !== undefined &&
          response.body.kind === 'single' &&
          response.body.singleResult.data &&
          !response.body.singleResult.errors
        ) {
          this.results.store(candidate.key, vouched, response.body.singleResult.data);
        }
        return Promise.resolve();
      },
    });
  }

  private candidate(request: GraphQLRequestContextResponseForOperation<RequestContext>): Candidate | null {
    const { operation, contextValue, source } = request;
    const member = contextValue.req?.user;
    if (operation.operation !== OperationTypeNode.QUERY || !member) return null;
    const roots = operation.selectionSet.selections.filter(
      (selection) => !(selection.kind === Kind.FIELD && selection.name.value === '__typename'),
    );
    const [node] = roots;
    if (roots.length !== 1 || node.kind !== Kind.FIELD) return null;
    const field = this.results.field(node.name.value);
    if (!field) return null;
    const fragments = Object.fromEntries(
      request.document.definitions.flatMap((definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
      ),
    );
    const names = selectedNames(node.selectionSet, fragments);
    if (field.uncovered?.some((name) => names.has(name))) return null;
    const key = createHash('sha256')
      .update(
        JSON.stringify([member, request.operationName ?? null, source, request.request.variables ?? {}]),
      )
      .digest('base64');
    return { key, field, node };
  }

  /** The field's fingerprint now, or null when its arguments do not coerce or the statement fails. */
  private async fingerprint(
    { field, node }: Candidate,
    request: GraphQLRequestContextResponseForOperation<RequestContext>,
  ): Promise<string | null> {
    const schema: GraphQLSchema = request.schema;
    const definition = schema.getQueryType()?.getFields()[node.name.value];
    if (!definition) return null;
    const variables = getVariableValues(
      schema,
      request.operation.variableDefinitions ?? [],
      request.request.variables ?? {},
    );
    if (variables.errors) return null;
    try {
      return await field.fingerprint(
        request.contextValue,
        getArgumentValues(definition, node, variables.coerced),
      );
    } catch (error) {
      // The operation then runs as usual and reports whatever made the fingerprint fail.
      this.logger.debug({ err: error }, 'fingerprint failed; executing instead');
      return null;
    }
  }
}

/** The verified result cache and its Apollo plugin, one of each for the app; feature modules import it to register. */
@Module({ providers: [VerifiedResults, VerifiedResultsPlugin], exports: [VerifiedResults] })
export class VerifiedResultsModule {}

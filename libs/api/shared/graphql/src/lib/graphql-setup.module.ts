import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';

import { ErrorCode } from './app-error';
import { INTERNAL_ERROR_MESSAGE, toClientError } from './client-error';
import { OPERATION_LIMITS, OperationLimits, operationLimitSettings } from './operation-limits';
import { VerifiedResultsModule, stringifyResult } from './verified-results';

export interface GraphqlSetupOptions {
  production: boolean;
  /** Overrides of OPERATION_LIMITS (tests set small ones). */
  limits?: Partial<OperationLimits>;
}

/** The HTTP status an operation's error asks for: a retryable refusal is not a 200. */
const STATUS_OF_CODE: Partial<Record<string, number>> = {
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** "Did you mean …?" would reveal field and type names that introspection hides in production. */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  return { ...error, message: error.message.replace(/\s*Did you mean [^?]*\?/g, '') };
}

const logger = new Logger('GraphQL');

interface RequestContext {
  req?: Request & { id?: string | number };
}

/**
 * Logs every unexpected error in full under the request id and gives the client that id to quote; answers a
 * rate-limited or database-unavailable operation with its HTTP status (429/503) and Retry-After.
 */
const requestIdPlugin: ApolloServerPlugin<RequestContext> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        const requestId = contextValue.req?.id;
        for (const error of errors) {
          const formatted = toClientError({ message: error.message }, error);
          const code = formatted.extensions?.['code'];
          if (code === 'INTERNAL_SERVER_ERROR') {
            logger.error({ requestId, err: error.originalError ?? error, path: error.path }, error.message);
          } else if (code === ErrorCode.SERVICE_UNAVAILABLE) {
            logger.warn({ requestId, path: error.path }, `database unavailable: ${error.message}`);
          }
        }
        return Promise.resolve();
      },
      willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const requestId = contextValue.req?.id;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.message === INTERNAL_ERROR_MESSAGE && error.extensions) {
            (error.extensions as Record<string, unknown>)['requestId'] = requestId;
          }
          const status = STATUS_OF_CODE[String(error.extensions?.['code'])];
          const retryAfter = error.extensions?.['retryAfterSeconds'];
          if (status) {
            response.http.status = status;
            if (typeof retryAfter === 'number') response.http.headers.set('retry-after', String(retryAfter));
          }
        }
        return Promise.resolve();
      },
    });
  },
};

/**
 * GraphQL over Apollo, code-first. Every option that matters for safety is set explicitly rather than left to
 * defaults: no IDE, introspection or field suggestions in production, CSRF prevention, no batching, limits on
 * each operation's depth, cost, selections, aliases, directives and tokens, guards on field resolvers too,
 * cache-control plugin off.
 */
@Module({})
export class GraphqlSetupModule {
  static forRoot(options: GraphqlSetupOptions): DynamicModule {
    const limits = operationLimitSettings({ ...OPERATION_LIMITS, ...options.limits });
    return {
      module: GraphqlSetupModule,
      imports: [
        VerifiedResultsModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: !options.production,
          graphiql: !options.production,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          autoTransformHttpErrors: false,
          buildSchemaOptions: { dateScalarMode: 'isoDate' },
          validationRules: limits.validationRules,
          parseOptions: limits.parseOptions,
          // Access rules on a type's fields (@ResolveField) hold as they do on operations. The access guard
          // authenticates once per request, so a field resolver's check costs a metadata lookup, not a token.
          fieldResolverEnhancers: ['guards'],
          // Keep the 429/503 (and Retry-After) that requestIdPlugin sets from an error's code; Nest would reset
          // every response that carries `data` to 200.
          preserveHttpStatusForExecutionErrors: false,
          plugins: [ApolloServerPluginCacheControlDisabled(), ...limits.plugins, requestIdPlugin],
          formatError: options.production
            ? (formatted, error) => withoutSuggestions(toClientError(formatted, error))
            : toClientError,
          // Compact JSON (Apollo's default indents every response, which costs CPU and bytes on every list), and a
          // verified result's body as serialized once when stored.
          stringifyResult,
          context: ({ req, res }: { req: Request; res: unknown }) => ({ req, res }),
        }),
      ],
    };
  }
}

import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';

import { INTERNAL_ERROR_MESSAGE, toClientError } from './client-error';

export interface GraphqlSetupOptions {
  production: boolean;
}

const logger = new Logger('GraphQL');

interface RequestContext {
  req?: Request & { id?: string | number };
}

/** Logs every unexpected error in full under the request id, and gives the client that id to quote. */
const requestIdPlugin: ApolloServerPlugin<RequestContext> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        const requestId = contextValue.req?.id;
        for (const error of errors) {
          const formatted = toClientError({ message: error.message }, error);
          if (formatted.extensions?.['code'] === 'INTERNAL_SERVER_ERROR') {
            logger.error({ requestId, err: error.originalError ?? error, path: error.path }, error.message);
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
        }
        return Promise.resolve();
      },
    });
  },
};

/**
 * GraphQL over Apollo, code-first. Every option that matters for safety is set explicitly rather than left to
 * defaults: no IDE or introspection in production, CSRF prevention, no batching, cache-control plugin off.
 */
@Module({})
export class GraphqlSetupModule {
  static forRoot(options: GraphqlSetupOptions): DynamicModule {
    return {
      module: GraphqlSetupModule,
      imports: [
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
          plugins: [ApolloServerPluginCacheControlDisabled(), requestIdPlugin],
          formatError: toClientError,
          // Compact JSON: Apollo's default indents every response, which costs CPU and bytes on every list.
          stringifyResult: (value: unknown) => JSON.stringify(value),
          context: ({ req, res }: { req: Request; res: unknown }) => ({ req, res }),
        }),
      ],
    };
  }
}

// Generates the web client's GraphQL types from the API's committed schema; CI regenerates and diffs the output.
import type { CodegenConfig } from '@graphql-codegen/cli';

const typesConfig = {
  enumsAsTypes: true,
  useTypeImports: true,
  avoidOptionals: { field: true, inputValue: false },
  scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>', JSON: 'unknown' },
  skipTypename: true,
};

const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  generates: {
    // Every operation as a parsed document, for Apollo in the pages (lazy chunks).
    'libs/web/shared/data-access/src/lib/generated/graphql.ts': {
      documents: 'libs/web/**/*.graphql',
      plugins: ['typescript-operations', 'typed-document-node'],
      config: typesConfig,
    },
    // The session's operations again, as plain strings, for the few requests made before Apollo is loaded (restoring
    // a session at start-up, signing in): the app's first chunk then holds neither Apollo nor every page's documents.
    'libs/web/shared/data-access/src/lib/generated/session-operations.ts': {
      documents: 'libs/web/shared/data-access/src/lib/auth/*.graphql',
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { ...typesConfig, documentMode: 'string' },
    },
  },
};

export default config;

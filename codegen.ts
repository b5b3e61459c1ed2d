// Generates the web client's GraphQL types from the API's committed schema; CI regenerates and diffs the output.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: 'libs/web/**/*.graphql',
  generates: {
    'libs/web/shared/data-access/src/lib/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false },
        scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>', JSON: 'unknown' },
        skipTypename: true,
      },
    },
  },
};

export default config;

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { GraphQLFormattedError } from 'graphql';

/** The API's GraphQL endpoint; the API serves the web app, so it is on the same origin. */
export const GRAPHQL_PATH = '/graphql';

/** The API answered the operation with GraphQL errors. */
export class GraphqlErrorsResponse extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'The API answered with errors.');
    this.name = 'GraphqlErrorsResponse';
  }
}

/** The API could not be reached, or did not answer with GraphQL (a server error, a proxy's page). */
export class GraphqlTransportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'GraphqlTransportError';
  }
}

/** An operation generated as a string (`generated/session-operations.ts`), typed with its result and variables. */
export type StringDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
};

interface GraphqlBody<TResult> {
  data?: TResult | null;
  errors?: GraphQLFormattedError[];
}

/**
 * Posts one operation with `fetch` and answers its data, or throws one of the errors above (which toApiError
 * reads). For the session's requests, made before the signed-in part of the app has loaded Apollo.
 */
export async function postGraphql<TResult, TVariables>(
  document: StringDocument<TResult, TVariables>,
  variables: TVariables,
  token: string | null,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (error) {
    throw new GraphqlTransportError('Accord could not be reached.', { cause: error });
  }
  const body = (await response.json().catch(() => null)) as GraphqlBody<TResult> | null;
  if (response.status >= 500 || body === null || typeof body !== 'object') {
    throw new GraphqlTransportError(`The API answered ${response.status} without a GraphQL result.`);
  }
  if (body.errors !== undefined && body.errors.length > 0) throw new GraphqlErrorsResponse(body.errors);
  if (body.data === null || body.data === undefined)
    throw new GraphqlTransportError('The API answered no data.');
  return body.data;
}

import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

import {
  errorExtensions,
  fieldProblemOf,
  isUnauthenticated,
  recordLoadMessage,
  toApiError,
} from './api-error';

function graphQLErrors(...errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ data: null, errors });
}

/** What Apollo's HttpLink throws for an answer it could not read as GraphQL. */
function serverError(status: number, bodyText: string): ServerError {
  return new ServerError(`Received status code ${status}`, { response: { status } as Response, bodyText });
}

describe('toApiError', () => {
  it('keeps the code, message and field problems of the first GraphQL error', () => {
    const error = graphQLErrors(
      {
        message: 'Some fields are not valid.',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'email', message: 'Enter an e-mail address.' }],
        },
      },
      { message: 'Second', extensions: { code: 'CONFLICT' } },
    );

    expect(toApiError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Some fields are not valid.',
      fields: [{ field: 'email', message: 'Enter an e-mail address.' }],
    });
  });

  it('ignores malformed field problems', () => {
    const error = graphQLErrors({
      message: 'Bad input',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email' }, 'name', null] },
    });

    expect(toApiError(error)).toEqual({ code: 'BAD_USER_INPUT', message: 'Bad input', fields: [] });
  });

  it('hides the text of internal errors and of unknown codes behind a generic sentence', () => {
    const generic = {
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Something went wrong on our side. Please try again.',
      fields: [],
    };

    expect(toApiError(graphQLErrors({ message: 'relation "x" does not exist' }))).toEqual(generic);
    expect(toApiError(graphQLErrors({ message: 'boom', extensions: { code: 'TEAPOT' } }))).toEqual(generic);
  });

  it('reads GraphQL errors from the body of a 4xx answer that is not a GraphQL response', () => {
    const error = serverError(
      400,
      JSON.stringify({
        errors: [{ message: 'Variable "$input" is invalid.', extensions: { code: 'BAD_USER_INPUT' } }],
      }),
    );

    expect(toApiError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Variable "$input" is invalid.',
      fields: [],
    });
  });

  it("shows a rate limit's own message, which says when to try again", () => {
    const error = serverError(
      429,
      JSON.stringify({
        errors: [
          {
            message: 'Too many sign-in attempts for this e-mail address; retry in 13 minutes.',
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 762 },
          },
        ],
      }),
    );

    expect(toApiError(error)).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many sign-in attempts for this e-mail address; retry in 13 minutes.',
      fields: [],
    });
  });

  it('reports an unreachable or unavailable API as a network error', () => {
    const unreachable = {
      code: 'NETWORK',
      message: 'Accord could not be reached. Check your connection and try again.',
      fields: [],
    };
    expect(toApiError(new TypeError('Failed to fetch'))).toEqual(unreachable);
    expect(toApiError(serverError(502, '<html>Bad gateway</html>'))).toEqual(unreachable);
    expect(
      toApiError(
        graphQLErrors({
          message: 'The database is restarting.',
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        }),
      ),
    ).toEqual(unreachable);
  });
});

describe('isUnauthenticated', () => {
  it('is true when any error says UNAUTHENTICATED', () => {
    const error = graphQLErrors(
      { message: 'Not found', extensions: { code: 'NOT_FOUND' } },
      { message: 'Sign in again', extensions: { code: 'UNAUTHENTICATED' } },
    );

    expect(isUnauthenticated(error)).toBe(true);
  });

  it('is false for other errors', () => {
    expect(isUnauthenticated(graphQLErrors({ message: 'No', extensions: { code: 'FORBIDDEN' } }))).toBe(
      false,
    );
    expect(isUnauthenticated(new Error('offline'))).toBe(false);
  });
});

describe('errorExtensions', () => {
  it('reads the extensions of the first GraphQL error', () => {
    const error = graphQLErrors(
      { message: 'v2 was changed by someone else', extensions: { code: 'CONFLICT', currentRevision: 4 } },
      { message: 'Second', extensions: { code: 'NOT_FOUND' } },
    );

    expect(errorExtensions(error)).toEqual({ code: 'CONFLICT', currentRevision: 4 });
  });

  it('is empty for errors that are not GraphQL errors', () => {
    expect(errorExtensions(new Error('offline'))).toEqual({});
  });
});

describe('fieldProblemOf', () => {
  it('reads the field a one-line problem names, and its message', () => {
    expect([
      fieldProblemOf('occurredAt: must not be more than a day in the future'),
      fieldProblemOf('lead.email: must be an e-mail address: check it'),
      fieldProblemOf('answers[2].note: is too long'),
    ]).toEqual([
      { field: 'occurredAt', message: 'must not be more than a day in the future' },
      { field: 'lead.email', message: 'must be an e-mail address: check it' },
      { field: 'answers[2].note', message: 'is too long' },
    ]);
  });

  it('keeps a line that names no field whole', () => {
    expect([
      fieldProblemOf('No lead matches: check the e-mail'),
      fieldProblemOf('line 3 is not valid JSON'),
    ]).toEqual([
      { field: '', message: 'No lead matches: check the e-mail' },
      { field: '', message: 'line 3 is not valid JSON' },
    ]);
  });
});

describe('recordLoadMessage', () => {
  it('says the address names no record when the id is no id or none of the workspace, else the API’s words', () => {
    const missing = 'There is no lead at this address.';
    expect([
      recordLoadMessage(null, missing),
      recordLoadMessage({ code: 'BAD_USER_INPUT', message: 'Validation failed (uuid is expected)' }, missing),
      recordLoadMessage({ code: 'NOT_FOUND', message: 'Lead not found' }, missing),
      recordLoadMessage({ code: 'NETWORK', message: 'Accord could not be reached.' }, missing),
    ]).toEqual([null, missing, missing, 'Accord could not be reached.']);
  });
});

import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { GraphQLError } from 'graphql';

import { AppError } from './app-error';
import { INTERNAL_ERROR_MESSAGE, toClientError } from './client-error';

function resolverError(cause: Error): GraphQLError {
  return new GraphQLError(cause.message, { path: ['field'], originalError: cause });
}

describe('toClientError', () => {
  it("keeps an expected error's code, message and fields", () => {
    const error = AppError.badInput('email: must be an e-mail address', [
      { field: 'email', message: 'must be an e-mail address' },
    ]);
    expect(toClientError({ message: error.message, path: ['field'] }, resolverError(error))).toEqual({
      message: 'email: must be an e-mail address',
      path: ['field'],
      locations: undefined,
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'email', message: 'must be an e-mail address' }],
      },
    });
  });

  it("carries a conflict's details beside its code", () => {
    const error = AppError.conflict('Someone saved revision 4 first.', { currentRevision: 4 });
    expect(toClientError({ message: error.message }, resolverError(error)).extensions).toEqual({
      code: 'CONFLICT',
      currentRevision: 4,
    });
  });

  it('maps HTTP exceptions from guards and pipes to GraphQL codes', () => {
    expect([
      toClientError({ message: 'x' }, resolverError(new UnauthorizedException())).extensions,
      toClientError({ message: 'x' }, resolverError(new ForbiddenException())).extensions,
    ]).toEqual([{ code: 'UNAUTHENTICATED' }, { code: 'FORBIDDEN' }]);
  });

  it('hides the text of an unexpected error', () => {
    const leak = new Error(
      'duplicate key value violates unique constraint "members_pkey" Key (email)=(a@b.co)',
    );
    expect(toClientError({ message: leak.message, path: ['field'] }, resolverError(leak))).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      path: ['field'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('passes through graphql-js validation errors', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(
      toClientError({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error)
        .extensions,
    ).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
  });
});

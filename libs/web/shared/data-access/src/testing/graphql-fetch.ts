import type { GraphQLFormattedError } from 'graphql';

interface PostedOperation {
  operationName: string;
  variables: Record<string, unknown>;
}

/** One operation posted through `fetch`, waiting for the test to answer it. */
export class PendingOperation {
  constructor(
    readonly operation: PostedOperation,
    private readonly answer: (status: number, body: unknown) => void,
  ) {}

  flushData(data: unknown): void {
    this.answer(200, { data });
  }

  graphqlErrors(errors: GraphQLFormattedError[], status = 200): void {
    this.answer(status, { data: null, errors });
  }
}

function operationName(query: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '(anonymous)';
}

/**
 * Stands in for the API behind `postGraphql` (the session's requests, made before Apollo loads): it takes the
 * place of `fetch`, records each operation posted, and lets the test answer it, like Apollo's testing controller.
 */
export class GraphqlFetchStub {
  private static readonly original = globalThis.fetch;
  private readonly pending: PendingOperation[] = [];

  /** Puts a new stub in the place of `fetch`; `GraphqlFetchStub.restore()` (in an afterEach) puts `fetch` back. */
  static install(): GraphqlFetchStub {
    const stub = new GraphqlFetchStub();
    globalThis.fetch = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((resolve) => {
        const { query, variables } = JSON.parse(init?.body as string) as { query: string; variables: never };
        const answer = (status: number, body: unknown) =>
          resolve({ status, json: () => Promise.resolve(body) } as Response);
        stub.pending.push(new PendingOperation({ operationName: operationName(query), variables }, answer));
      });
    return stub;
  }

  static restore(): void {
    globalThis.fetch = GraphqlFetchStub.original;
  }

  /** The one pending operation of that name, taken off the list; throws unless there is exactly one. */
  expectOne(name: string): PendingOperation {
    const matching = this.pending.filter((entry) => entry.operation.operationName === name);
    if (matching.length !== 1) throw new Error(`Expected one ${name} operation, found ${matching.length}.`);
    const [found] = matching;
    this.pending.splice(this.pending.indexOf(found), 1);
    return found;
  }

  expectNone(name: string): void {
    const count = this.pending.filter((entry) => entry.operation.operationName === name).length;
    if (count > 0) throw new Error(`Expected no ${name} operation, found ${count}.`);
  }
}

/** The member a session answer signs in: an active member of workspace w1 ("Acme", UTC, USD). */
export interface SessionMember {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

/** An `AuthPayload` as the API answers sign-up, sign-in and the one-time links, for `flushData`. */
export function sessionAnswer(member: SessionMember, accessToken = 't'): Record<string, unknown> {
  return {
    __typename: 'AuthPayload',
    accessToken,
    expiresAt: '2099-01-01T00:00:00.000Z',
    member: { __typename: 'Member', ...member, approver: false, status: 'ACTIVE' },
    workspace: { __typename: 'Workspace', id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'USD' },
  };
}

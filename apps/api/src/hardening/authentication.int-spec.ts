import { Pool } from 'pg';

import { TokenService } from '@accord/api/shared/auth';

import { BootedApp, bootApp, gql, teamWithTokens } from './boot.int-fixture';

const VIEWER = '{ viewer { member { id } } }';

function code(result: { body: { errors?: { extensions?: { code?: string } }[] } }): string {
  return result.body.errors?.[0]?.extensions?.code ?? 'OK';
}

describe('authentication of every request, in one statement scoped to the token’s workspace', () => {
  let booted: BootedApp;
  let sql: Pool;

  beforeAll(async () => {
    booted = await bootApp();
    sql = new Pool({ connectionString: booted.database.url, max: 1 });
  });

  afterAll(async () => {
    await sql?.end();
    await booted?.stop();
  });

  it('refuses a token that pairs a member with a workspace not theirs', async () => {
    const ours = await teamWithTokens(booted, { ada: { name: 'Ada', roles: ['ADMIN'] } });
    const theirs = await teamWithTokens(booted, { bob: { name: 'Bob', roles: ['ADMIN'] } });
    expect(code(await gql(booted.baseUrl, VIEWER, { token: ours.ada.token }))).toBe('OK');
    // A correctly signed token naming Bob inside Ada's workspace: row-level security hides Bob there.
    const { accessToken } = await booted.app
      .get(TokenService)
      .issue({ id: theirs.bob.id, workspaceId: ours.workspaceId });
    expect(code(await gql(booted.baseUrl, VIEWER, { token: accessToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a deactivated member at once, and answers their no-op as anonymous', async () => {
    const team = await teamWithTokens(booted, { cy: { name: 'Cy', roles: ['SALES'] } });
    expect(code(await gql(booted.baseUrl, VIEWER, { token: team.cy.token }))).toBe('OK');
    await sql.query(`UPDATE members SET status = 'DEACTIVATED', deactivated_at = now() WHERE id = $1`, [
      team.cy.id,
    ]);
    expect(code(await gql(booted.baseUrl, VIEWER, { token: team.cy.token }))).toBe('UNAUTHENTICATED');
    const noop = await gql<{ data: { __typename: string } }>(booted.baseUrl, '{ __typename }', {
      token: team.cy.token,
    });
    expect([noop.status, noop.body.data.__typename]).toEqual([200, 'Query']);
  });
});

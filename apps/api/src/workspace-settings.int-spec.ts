import { TenantDb } from '@accord/api/shared/database';

import { BootedApp, GqlError, bootApp, gql, teamWithTokens } from './hardening/boot.int-fixture';

type Answer = { data?: Record<string, { [key: string]: unknown } | null> | null; errors?: GqlError[] };

const UPDATE = `mutation($input: UpdateWorkspaceInput!) {
  updateWorkspace(input: $input) { name timeZone currency }
}`;
const OPEN = `mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { amount currency } }`;

/** The first error's code and the fields it names, or the data. */
function outcome(body: Answer) {
  const [error] = body.errors ?? [];
  if (!error) return body.data;
  return {
    code: error.extensions?.code,
    fields:
      (error.extensions?.['fields'] as { field: string }[] | undefined)?.map((item) => item.field) ?? [],
    message: error.message,
  };
}

describe("the workspace's settings, over HTTP on PostgreSQL", () => {
  let booted: BootedApp;
  let team: Awaited<ReturnType<typeof teamWithTokens<'admin' | 'seller'>>>;

  const as = (who: 'admin' | 'seller', query: string, variables: Record<string, unknown>) =>
    gql<Answer>(booted.baseUrl, query, { token: team[who].token, variables }).then((answer) => answer.body);

  /** A lead sales accepted, ready for an opportunity. */
  async function acceptedLead(email: string): Promise<string> {
    const created = await as('admin', 'mutation($input: LeadInput!) { createLead(input: $input) { id } }', {
      input: { email },
    });
    const id = String(created.data?.['createLead']?.['id']);
    await booted.app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`UPDATE leads SET stage = 'SAL' WHERE id = $1`, [id]),
      );
    return id;
  }

  beforeAll(async () => {
    booted = await bootApp();
    team = await teamWithTokens(booted, {
      admin: { name: 'Ada Admin', roles: ['ADMIN'] },
      seller: { name: 'Sam Sales', roles: ['SALES'] },
    });
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('lets an admin rename the workspace and set its time zone and currency, and shows them to everyone', async () => {
    expect(
      outcome(await as('admin', UPDATE, { input: { name: ' Acme GmbH ', timeZone: 'Europe/Berlin' } })),
    ).toEqual({ updateWorkspace: { name: 'Acme GmbH', timeZone: 'Europe/Berlin', currency: 'USD' } });
    expect(outcome(await as('admin', UPDATE, { input: { currency: 'EUR' } }))).toEqual({
      updateWorkspace: { name: 'Acme GmbH', timeZone: 'Europe/Berlin', currency: 'EUR' },
    });
    expect(outcome(await as('seller', '{ viewer { workspace { name timeZone currency } } }', {}))).toEqual({
      viewer: { workspace: { name: 'Acme GmbH', timeZone: 'Europe/Berlin', currency: 'EUR' } },
    });
  });

  it('refuses other roles, an unknown time zone, a malformed currency and a blank name, changing nothing', async () => {
    expect(outcome(await as('seller', UPDATE, { input: { currency: 'GBP' } }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    // Node formats in an old alias that PostgreSQL's AT TIME ZONE refuses: saved, it broke every dashboard query.
    for (const timeZone of ['Mars/Olympus', 'US/Pacific-New'])
      expect(outcome(await as('admin', UPDATE, { input: { timeZone } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['timeZone'],
      });
    expect(outcome(await as('admin', UPDATE, { input: { currency: 'eur' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['currency'],
    });
    expect(outcome(await as('admin', UPDATE, { input: { currency: 'XYZ' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['currency'],
      message: 'currency: "XYZ" is not a currency code (ISO 4217), e.g. EUR',
    });
    expect(outcome(await as('admin', UPDATE, { input: { name: '   ' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['name'],
    });
    expect(outcome(await as('admin', '{ viewer { workspace { name timeZone currency } } }', {}))).toEqual({
      viewer: { workspace: { name: 'Acme GmbH', timeZone: 'Europe/Berlin', currency: 'EUR' } },
    });
  });

  it('keeps every amount in the reporting currency, and the currency while amounts are in it', async () => {
    const leadId = await acceptedLead('buyer@bigco.example');
    expect(
      outcome(await as('seller', OPEN, { input: { leadId, amount: 12_000, currency: 'USD' } })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['currency'],
      message: 'currency: this workspace reports in EUR; give the amount in EUR',
    });
    expect(outcome(await as('seller', OPEN, { input: { leadId, amount: 12_000 } }))).toEqual({
      openOpportunity: { amount: 12_000, currency: 'EUR' },
    });
    expect(outcome(await as('admin', UPDATE, { input: { currency: 'USD' } }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^The workspace has amounts in EUR \(1 opportunity\)/),
    });
    // Naming the currency it already has, or changing something else, is fine.
    expect(outcome(await as('admin', UPDATE, { input: { currency: 'EUR', name: 'Acme' } }))).toEqual({
      updateWorkspace: { name: 'Acme', timeZone: 'Europe/Berlin', currency: 'EUR' },
    });
  });
});

import { BootedApp, GqlError, bootApp, gql, teamWithTokens } from './boot.int-fixture';

/** What an answer refused as bad input says: its code, the fields named, and whether any data came back. */
function refusal(body: { data?: unknown; errors?: GqlError[] }) {
  const [error] = body.errors ?? [];
  return {
    code: error?.extensions?.code,
    fields: (error?.extensions?.['fields'] as { field: string; message: string }[] | undefined) ?? [],
  };
}

describe('text and nested arguments, at the validation pipe', () => {
  let booted: BootedApp;
  let team: Awaited<ReturnType<typeof teamWithTokens<'admin' | 'marketer'>>>;

  beforeAll(async () => {
    booted = await bootApp();
    team = await teamWithTokens(booted, {
      admin: { name: 'Ada Admin', roles: ['ADMIN'] },
      marketer: { name: 'Mia Marketing', roles: ['MARKETING'] },
    });
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('refuses a NUL character in a plain string argument, naming it, and stores nothing', async () => {
    const answer = await gql(booted.baseUrl, 'mutation { createApiKey(name: "web\\u0000site") { secret } }', {
      token: team.admin.token,
    });
    const keys = await gql<{ data: { apiKeys: unknown[] } }>(booted.baseUrl, '{ apiKeys { id } }', {
      token: team.admin.token,
    });
    expect([refusal(answer.body), keys.body.data.apiKeys]).toEqual([
      {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'name', message: 'must not contain a NUL character (U+0000)' }],
      },
      [],
    ]);
  });

  it('refuses a NUL character inside an input object, naming its path', async () => {
    const answer = await gql(
      booted.baseUrl,
      'query($filter: LeadsFilter) { leads(filter: $filter) { edges { node { id } } } }',
      { token: team.marketer.token, variables: { filter: { search: 'acme\u0000' } } },
    );
    expect(refusal(answer.body)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'filter.search', message: 'must not contain a NUL character (U+0000)' }],
    });
  });

  it('leaves an input the domain validates to the domain, which names every bad field at once', async () => {
    const answer = await gql(
      booted.baseUrl,
      'mutation { createLead(input: { email: "nul@lead.example", employeeCount: -3, title: "x\\u0000" }) { id } }',
      { token: team.marketer.token },
    );
    expect(refusal(answer.body)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'title', message: 'must not contain control characters' },
        { field: 'employeeCount', message: 'must be at least 0' },
      ],
    });
  });

  it('refuses a negative or fractional-cent monthly quota, naming it', async () => {
    const update = (monthlyQuota: number) =>
      gql(
        booted.baseUrl,
        'mutation($input: UpdateMemberInput!) { updateMember(input: $input) { monthlyQuota } }',
        {
          token: team.admin.token,
          variables: {
            input: { memberId: team.marketer.id, roles: ['MARKETING'], approver: false, monthlyQuota },
          },
        },
      );
    const [negative, fraction, fine] = [await update(-1), await update(10.005), await update(12_500.5)];
    expect([refusal(negative.body).fields[0]?.field, refusal(fraction.body).fields[0]?.field]).toEqual([
      'monthlyQuota',
      'monthlyQuota',
    ]);
    expect(fine.body.data).toEqual({ updateMember: { monthlyQuota: 12_500.5 } });
  });

  it("validates the leads filter's own fields instead of passing them to SQL", async () => {
    const answer = await gql(
      booted.baseUrl,
      'query { leads(filter: { ownerId: "not-a-member-id" }) { edges { node { id } } } }',
      { token: team.marketer.token },
    );
    expect(refusal(answer.body)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'filter.ownerId', message: 'ownerId must be a UUID' }],
    });
  });
});

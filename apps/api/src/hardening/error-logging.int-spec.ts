import { Logger } from '@nestjs/common';

import { BootedApp, bootApp, gql, teamWithTokens } from './boot.int-fixture';

describe('what the server logs as an error', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });

  afterAll(async () => {
    await booted?.stop();
  });

  it('logs no expected answer — bad input, a refused sign-in, a missing row — as a server error', async () => {
    const team = await teamWithTokens(booted, { ada: { name: 'Ada Admin', roles: ['ADMIN'] } });
    const errors = jest.spyOn(Logger.prototype, 'error');
    try {
      const answers = await Promise.all([
        gql(
          booted.baseUrl,
          'mutation { login(input: { email: "nobody@example.com", password: "wrong-password" }) { accessToken } }',
        ),
        gql(booted.baseUrl, 'mutation { revokeApiKey(id: "00000000-0000-4000-8000-000000000000") { id } }', {
          token: team.ada.token,
        }),
        gql(booted.baseUrl, 'mutation { updateWorkspace(input: { timeZone: "Mars/Olympus" }) { id } }', {
          token: team.ada.token,
        }),
      ]);
      expect(answers.map((answer) => answer.body.errors?.[0]?.extensions?.['code'])).toEqual([
        'UNAUTHENTICATED',
        'NOT_FOUND',
        'BAD_USER_INPUT',
      ]);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});

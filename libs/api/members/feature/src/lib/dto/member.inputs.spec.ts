import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { inputProblems } from '@accord/api/shared/testing';

import { SignUpInput } from './auth.inputs';
import { InviteMemberInput, UpdateMemberInput } from './member.inputs';

const ID = '00000000-0000-4000-8000-000000000001';
const member = { memberId: ID, roles: ['SALES'], approver: false };

describe('member inputs', () => {
  it('takes a monthly quota up to what its column holds, in cents', async () => {
    expect(await inputProblems(UpdateMemberInput, { ...member, monthlyQuota: 999_999_999_999.99 })).toEqual(
      [],
    );
    expect(await inputProblems(UpdateMemberInput, { ...member, monthlyQuota: 1e12 })).toEqual([
      'monthlyQuota',
    ]);
    expect(await inputProblems(UpdateMemberInput, { ...member, monthlyQuota: 10.005 })).toEqual([
      'monthlyQuota',
    ]);
  });

  it('refuses names made only of spaces', async () => {
    const invite = { email: 'riley@example.com', roles: ['SALES'], approver: false };
    expect(await inputProblems(InviteMemberInput, { ...invite, name: ' Riley ' })).toEqual([]);
    expect(await inputProblems(InviteMemberInput, { ...invite, name: '   ' })).toEqual(['name']);
    expect(
      await inputProblems(SignUpInput, {
        workspaceName: '\t',
        name: 'Ada',
        email: 'ada@example.com',
        password: 'a long enough password',
      }),
    ).toEqual(['workspaceName']);
  });

  it('checks the length of an e-mail as it is stored, in lower case', async () => {
    const invite = { name: 'Riley', roles: ['SALES'], approver: false };
    // 190 characters as typed, 310 in lower case: "İ" lowers to "i" and a combining dot.
    const email = `${'a'.repeat(64)}@${'İ'.repeat(60)}.${'İ'.repeat(60)}.com`;
    expect(await inputProblems(InviteMemberInput, { ...invite, email })).toEqual(['email']);
    expect(await inputProblems(InviteMemberInput, { ...invite, email: ' Riley@Example.com ' })).toEqual([]);
  });

  describe("a person's name", () => {
    const invite = { email: 'riley@example.com', roles: ['SALES'], approver: false };
    const CONTROL = 'must not contain control characters or line breaks';
    const WEB = 'must not contain a web address (http://, www. or a name.domain such as example.com)';

    /** The messages an invitation with this name is refused with, per name. */
    async function refusals(names: string[]): Promise<[string, string[]][]> {
      return Promise.all(
        names.map(async (name): Promise<[string, string[]]> => {
          const errors = await validate(plainToInstance(InviteMemberInput, { ...invite, name }), {
            whitelist: true,
            forbidNonWhitelisted: true,
          });
          return [name, errors.flatMap((error) => Object.values(error.constraints ?? {}))];
        }),
      );
    }

    it('takes names in any script, with hyphens, apostrophes, initials and titles', async () => {
      const names = [
        "Ana-María O'Neil",
        '李小龍',
        'Dr. J. Smith Jr.',
        'J.R.R. Tolkien',
        'Sinéad O’Connor',
        'Nguyễn Văn An',
        'محمد بن سلمان',
      ];
      expect(await refusals(names)).toEqual(names.map((name) => [name, []]));
    });

    it('refuses control characters: line breaks, tabs, separators and text-direction overrides', async () => {
      const names = [
        'Riley\nClick here',
        'Riley\r\n',
        'Riley\tX',
        'Ri\u0000ley',
        'Riley\u2028X',
        'Riley \u202enimdA',
      ];
      expect(await refusals(names)).toEqual(names.map((name) => [name, [CONTROL]]));
    });

    it('refuses web addresses: a scheme, www. or a name.domain, with or without a path', async () => {
      const names = [
        'Riley http://evil.example',
        'HTTPS://EVIL',
        'ftp://files',
        'see www.evil',
        'WWW.EVIL',
        'evil.com',
        'bit.ly/x',
        'Visit example.co.uk/login now',
        'Riley (xn--80ak6aa92e.com)',
        'Login at evil.io, Riley',
      ];
      expect(await refusals(names)).toEqual(names.map((name) => [name, [WEB]]));
    });

    it('gives every reason at once, and applies to the name given at sign-up', async () => {
      expect(await refusals(['Riley\nhttps://evil.example'])).toEqual([
        ['Riley\nhttps://evil.example', [CONTROL, WEB]],
      ]);
      expect(
        await inputProblems(SignUpInput, {
          workspaceName: 'example.com',
          name: 'Ada from www.example.com',
          email: 'ada@example.com',
          password: 'a long enough password',
        }),
      ).toEqual(['name']);
    });
  });
});

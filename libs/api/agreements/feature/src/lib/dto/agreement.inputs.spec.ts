import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { SaveAgreementDraftInput, SendBackAgreementInput, SignAgreementInput } from './agreement.inputs';

async function problems<T extends object>(
  type: new () => T,
  plain: object,
): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(type, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return Object.fromEntries(errors.map((error) => [error.property, Object.values(error.constraints ?? {})]));
}

const VERSION = '00000000-0000-4000-8000-000000000001';

describe('agreement inputs', () => {
  it('requires a send-back comment with words in it, trimmed', async () => {
    expect(
      await problems(SendBackAgreementInput, { versionId: VERSION, revision: 1, comment: '   ' }),
    ).toEqual({
      comment: ['say what should change, in 1 to 2,000 characters'],
    });
    const input = plainToInstance(SendBackAgreementInput, {
      versionId: VERSION,
      revision: 1,
      comment: '  Fix SLA  ',
    });
    expect(input.comment).toBe('Fix SLA');
  });

  it('refuses control characters in comments but keeps line breaks', async () => {
    expect(
      await problems(SignAgreementInput, {
        versionId: VERSION,
        revision: 1,
        side: 'SALES',
        comment: 'ok\u0000',
      }),
    ).toEqual({
      comment: ['must not contain control characters'],
    });
    expect(
      await problems(SignAgreementInput, {
        versionId: VERSION,
        revision: 1,
        side: 'SALES',
        comment: 'ok\nthanks',
      }),
    ).toEqual({});
  });

  it('refuses a revision that is not a positive whole number, a bad id and an unknown side', async () => {
    expect(
      Object.keys(await problems(SignAgreementInput, { versionId: 'v1', revision: 1.5, side: 'FINANCE' })),
    ).toEqual(['versionId', 'revision', 'side']);
  });

  it('requires the document to be an object', async () => {
    expect(
      await problems(SaveAgreementDraftInput, { versionId: VERSION, baseRevision: 1, document: 'x' }),
    ).toEqual({
      document: ['must be an agreement document'],
    });
  });
});

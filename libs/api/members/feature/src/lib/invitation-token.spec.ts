import { hashInvitationToken, newInvitationToken } from './invitation-token';

describe('invitation tokens', () => {
  it('stores only a hash that matches the token handed out', () => {
    const { token, tokenHash } = newInvitationToken();
    expect([token.length, tokenHash, tokenHash.length]).toEqual([43, hashInvitationToken(token), 64]);
    expect(tokenHash).not.toContain(token);
  });

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newInvitationToken().token));
    expect(tokens.size).toBe(100);
  });
});

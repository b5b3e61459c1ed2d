import { invitationMessage } from './invitation-mailer';

describe('invitation e-mail', () => {
  it('names no one in the subject and quotes what admins wrote on one line, in quotation marks', () => {
    expect(
      invitationMessage({
        to: 'riley@example.com',
        name: 'Riley\u202e\tRep',
        workspaceName: '  Acme\r\n\r\nYour account is locked:\u2028 https://evil.example  ',
        inviteUrl: 'https://accord.example/accept-invitation?token=abc',
        expiresAt: new Date('2026-11-28T09:00:00.000Z'),
      }),
    ).toEqual({
      subject: 'You are invited to Accord',
      text: [
        'Hello,',
        '',
        'You have been invited to join the workspace "Acme Your account is locked: https://evil.example" on Accord, as "Riley Rep".',
        'Set your password with this link; it works once, until 2026-11-28T09:00:00.000Z:',
        '',
        'https://accord.example/accept-invitation?token=abc',
        '',
        'If you did not expect this invitation, you can ignore this e-mail.',
        '',
      ].join('\n'),
    });
  });
});

import { passwordResetMessage } from './password-reset-mailer';

describe('password reset e-mail', () => {
  it('names no one in the subject and quotes the workspace name on one line, in quotation marks', () => {
    expect(
      passwordResetMessage({
        to: 'riley@example.com',
        workspaceName: '  Acme\r\n\r\nYour account is locked:\u2028 https://evil.example  ',
        resetUrl: 'https://accord.example/reset-password?token=abc',
        expiresAt: new Date('2026-11-25T10:00:00.000Z'),
      }),
    ).toEqual({
      subject: 'Reset your Accord password',
      text: [
        'Hello,',
        '',
        'A new password was asked for your account in the workspace "Acme Your account is locked: https://evil.example" on Accord.',
        'Choose it with this link; it works once, until 2026-11-25T10:00:00.000Z:',
        '',
        'https://accord.example/reset-password?token=abc',
        '',
        'Setting a new password signs you out on every device.',
        'If you did not ask for this, you can ignore this e-mail: your password stays as it is.',
        '',
      ].join('\n'),
    });
  });
});

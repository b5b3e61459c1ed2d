import { INestApplicationContext } from '@nestjs/common';

import type { AuthMember } from '@accord/api/shared/auth';

import { EmailVerificationService } from './email-verification.service';
import { SessionService } from './session.service';

/**
 * Signs up a workspace's first admin, Ada, through `app`, and waits for the confirmation link sent after the answer
 * (with SMTP configured); returns the sign-up's answer and Ada as the guards would give her to a service.
 */
export async function signUpAdmin(
  app: INestApplicationContext,
  email: string,
  workspaceName: string,
  password = 'a long passphrase',
) {
  const payload = await app.get(SessionService).signUp({ workspaceName, name: 'Ada Admin', email, password });
  await app.get(EmailVerificationService).idle();
  const actor: AuthMember = {
    id: payload.member.id,
    workspaceId: payload.workspace.id,
    email,
    name: 'Ada Admin',
    roles: ['ADMIN'],
    approver: false,
  };
  return { actor, payload };
}

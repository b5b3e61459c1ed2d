import { Public } from '@accord/api/shared/auth';
import { Args, Mutation, Resolver } from '@nestjs/graphql';

import { AcceptInvitationInput, LoginInput, SignUpInput } from './dto/auth.inputs';
import { AuthPayload } from './models/auth.model';
import { SessionService } from './session.service';

@Public()
@Resolver()
export class SessionResolver {
  constructor(private readonly sessions: SessionService) {}

  @Mutation(() => AuthPayload, { description: 'Creates a workspace and its first admin, and signs them in.' })
  signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    return this.sessions.signUp(input);
  }

  @Mutation(() => AuthPayload, { description: 'Signs a member in with e-mail and password.' })
  login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.sessions.login(input);
  }

  @Mutation(() => AuthPayload, { description: 'Sets an invited member\'s password with their one-time link, and signs them in.' })
  acceptInvitation(@Args('input') input: AcceptInvitationInput): Promise<AuthPayload> {
    return this.sessions.acceptInvitation(input);
  }
}

import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AnyMember, AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';

import { AgreementsService } from './agreements.service';
import {
  AgreementEventsArgs,
  AgreementInForceArgs,
  CreateAgreementDraftInput,
  ProposeAgreementInput,
  SaveAgreementDraftInput,
  SendBackAgreementInput,
  SignAgreementInput,
} from './dto/agreement.inputs';
import { AgreementDiff, AgreementEventConnection, AgreementVersion } from './models/agreement.model';

/**
 * Everyone in the workspace reads the agreement; who may change it is decided per action by the domain rules
 * (marketing and admins edit, approvers sign their side), so the refusals say exactly what is missing.
 */
@AnyMember()
@Resolver(() => AgreementVersion)
export class AgreementsResolver {
  constructor(private readonly service: AgreementsService) {}

  @Query(() => [AgreementVersion], { description: 'Every version of the agreement, newest first.' })
  agreementVersions(@CurrentMember() actor: AuthMember): Promise<AgreementVersion[]> {
    return this.service.list(actor);
  }

  @Query(() => AgreementVersion)
  agreementVersion(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<AgreementVersion> {
    return this.service.get(actor, id);
  }

  @Query(() => AgreementVersion, {
    nullable: true,
    description: 'The version in force at `at` (default: now).',
  })
  agreementInForce(
    @CurrentMember() actor: AuthMember,
    @Args() { at }: AgreementInForceArgs,
  ): Promise<AgreementVersion | null> {
    return this.service.inForce(actor, at ?? null);
  }

  @Query(() => AgreementDiff, { description: 'Every field that differs from one version to another.' })
  agreementDiff(
    @CurrentMember() actor: AuthMember,
    @Args('fromId', { type: () => ID }, new ParseUUIDPipe()) fromId: string,
    @Args('toId', { type: () => ID }, new ParseUUIDPipe()) toId: string,
  ): Promise<AgreementDiff> {
    return this.service.diff(actor, fromId, toId);
  }

  @Query(() => AgreementEventConnection, { description: 'The audit trail, newest first.' })
  agreementEvents(
    @CurrentMember() actor: AuthMember,
    @Args() args: AgreementEventsArgs,
  ): Promise<AgreementEventConnection> {
    return this.service.events(actor, args);
  }

  // Marketing and admins write the agreement (canEditAgreement); the service checks again.
  @Roles('ADMIN', 'MARKETING')
  @Mutation(() => AgreementVersion, {
    description: 'Opens a draft copied from the latest published version.',
  })
  createAgreementDraft(
    @CurrentMember() actor: AuthMember,
    @Args('input', { type: () => CreateAgreementDraftInput, nullable: true })
    input: CreateAgreementDraftInput | null,
  ): Promise<AgreementVersion> {
    return this.service.createDraft(actor, input ?? {});
  }

  // Marketing and admins write the agreement (canEditAgreement); the service checks again.
  @Roles('ADMIN', 'MARKETING')
  @Mutation(() => AgreementVersion, { description: 'Saves a draft or proposal (which returns it to draft).' })
  saveAgreementDraft(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: SaveAgreementDraftInput,
  ): Promise<AgreementVersion> {
    return this.service.save(actor, input);
  }

  // Marketing and admins write the agreement (canEditAgreement); the service checks again.
  @Roles('ADMIN', 'MARKETING')
  @Mutation(() => AgreementVersion, { description: "Asks both sides' approvers to sign this revision." })
  proposeAgreementVersion(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: ProposeAgreementInput,
  ): Promise<AgreementVersion> {
    return this.service.propose(actor, input);
  }

  @Mutation(() => AgreementVersion, {
    description: "Signs one side of the proposal; the second side's signature publishes it.",
  })
  signAgreementVersion(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: SignAgreementInput,
  ): Promise<AgreementVersion> {
    return this.service.sign(actor, input);
  }

  @Mutation(() => AgreementVersion, {
    description: 'Returns a proposal to draft with a comment; its signatures lapse.',
  })
  sendBackAgreementVersion(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: SendBackAgreementInput,
  ): Promise<AgreementVersion> {
    return this.service.sendBack(actor, input);
  }
}

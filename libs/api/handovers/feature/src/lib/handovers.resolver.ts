import { OnModuleInit, ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';
import { VerifiedResults } from '@accord/api/shared/graphql';

import {
  AnswerQualificationArgs,
  HandoverQueueArgs,
  ReassignHandoverArgs,
  RejectHandoverArgs,
  RejectionFeedbackArgs,
} from './dto/handover.inputs';
import { HandoversService } from './handovers.service';
import {
  Handover,
  HandoverQueue,
  HandoverWithHistory,
  LeadQualification,
  RejectionFeedback,
} from './models/handover.model';
import { QualificationService } from './qualification.service';

const uuid = new ParseUUIDPipe();

/** Sales work the queue; admins may too. Marketing reads how its leads fared (lead history, rejection feedback). */
@Roles('ADMIN', 'SALES')
@Resolver(() => Handover)
export class HandoversResolver implements OnModuleInit {
  constructor(
    private readonly service: HandoversService,
    private readonly qualifications: QualificationService,
    private readonly verified: VerifiedResults,
  ) {}

  /**
   * A rep reloads the same queue page again and again: it is served again while its rows are unchanged, which
   * one statement confirms (the counts are not covered; selecting them runs the query).
   */
  onModuleInit(): void {
    this.verified.register<{ req?: { user?: AuthMember } }>('handoverQueue', {
      uncovered: ['undecided', 'expired', 'unassigned'],
      fingerprint: ({ req }, args) =>
        this.service.queueFingerprint(req?.user as AuthMember, args as unknown as HandoverQueueArgs),
    });
  }

  @Query(() => HandoverQueue, {
    description: 'Handovers to decide (or decided), with SLA due times, scores and explanations.',
  })
  async handoverQueue(
    @CurrentMember() actor: AuthMember,
    @Args() args: HandoverQueueArgs,
    @Context() context: object,
  ): Promise<HandoverQueue> {
    const queue = await this.service.queue(actor, args);
    this.verified.vouch(context, queue.fingerprint);
    return queue;
  }

  @Query(() => HandoverWithHistory)
  handover(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, uuid) id: string,
  ): Promise<HandoverWithHistory> {
    return this.service.detail(actor, id);
  }

  @Roles('ADMIN', 'MARKETING', 'SALES')
  @Query(() => [HandoverWithHistory], {
    description: "The lead's handovers, newest first, with their history.",
  })
  leadHandovers(
    @CurrentMember() actor: AuthMember,
    @Args('leadId', { type: () => ID }, uuid) leadId: string,
  ): Promise<HandoverWithHistory[]> {
    return this.service.forLead(actor, leadId);
  }

  @Mutation(() => HandoverWithHistory, {
    description: 'Accepts the lead (it becomes a SAL). Once per handover.',
  })
  acceptHandover(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, uuid) id: string,
  ): Promise<HandoverWithHistory> {
    return this.service.accept(actor, id);
  }

  @Mutation(() => HandoverWithHistory, {
    description: "Rejects the lead with one of its version's reasons; the reason's consequence applies.",
  })
  rejectHandover(
    @CurrentMember() actor: AuthMember,
    @Args() args: RejectHandoverArgs,
  ): Promise<HandoverWithHistory> {
    return this.service.reject(actor, args.id, args.reasonKey, args.note ?? null);
  }

  @Mutation(() => HandoverWithHistory, {
    description: 'Sales managers: gives the handover to another member; the due time stays.',
  })
  reassignHandover(
    @CurrentMember() actor: AuthMember,
    @Args() args: ReassignHandoverArgs,
  ): Promise<HandoverWithHistory> {
    return this.service.reassign(actor, args);
  }

  @Roles('ADMIN', 'MARKETING', 'SALES')
  @Query(() => LeadQualification, {
    nullable: true,
    description: "The accepted lead against its version's SQL checklist; null before acceptance.",
  })
  leadQualification(
    @CurrentMember() actor: AuthMember,
    @Args('leadId', { type: () => ID }, uuid) leadId: string,
  ): Promise<LeadQualification | null> {
    return this.qualifications.qualification(actor, leadId);
  }

  @Mutation(() => LeadQualification, {
    description: 'Answers SQL checklist items; the lead becomes an SQL when enough of them hold.',
  })
  answerQualification(
    @CurrentMember() actor: AuthMember,
    @Args() args: AnswerQualificationArgs,
  ): Promise<LeadQualification> {
    return this.qualifications.answerQualification(actor, args);
  }

  @Roles('ADMIN', 'MARKETING', 'SALES')
  @Query(() => [RejectionFeedback], { description: 'Rejections by reason and lead source or campaign.' })
  rejectionFeedback(
    @CurrentMember() actor: AuthMember,
    @Args() args: RejectionFeedbackArgs,
  ): Promise<RejectionFeedback[]> {
    return this.service.rejectionFeedback(actor, args);
  }
}

/** The queue's counts, read in one statement of their own only when a client selects them. */
@Roles('ADMIN', 'SALES')
@Resolver(() => HandoverQueue)
export class HandoverQueueCountsResolver {
  @ResolveField(() => Int, { description: 'Undecided handovers in this scope.' })
  async undecided(@Parent() queue: HandoverQueue): Promise<number> {
    return (await queue.counts()).undecided;
  }

  @ResolveField(() => Int, { description: 'Of those, the ones past their due time.' })
  async expired(@Parent() queue: HandoverQueue): Promise<number> {
    return (await queue.counts()).expired;
  }

  @ResolveField(() => Int, {
    description: 'Undecided handovers nobody is assigned, in the whole team whatever the scope.',
  })
  async unassigned(@Parent() queue: HandoverQueue): Promise<number> {
    return (await queue.counts()).unassigned;
  }
}

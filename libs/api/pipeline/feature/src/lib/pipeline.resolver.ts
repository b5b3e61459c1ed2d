import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';

import {
  BookMeetingInput,
  MarkMeetingInput,
  MoveOpportunityInput,
  OpenOpportunityInput,
  UpdateOpportunityAmountInput,
} from './dto/pipeline.inputs';
import { LeadTimelineService } from './lead-timeline.service';
import { MeetingsService } from './meetings.service';
import { LeadTimelineEntry, Meeting, Opportunity } from './models/pipeline.model';
import { OpportunitiesService } from './opportunities.service';

/** Everyone who works leads reads their pipeline; sales (and admins) record meetings and opportunities. */
@Roles('ADMIN', 'MARKETING', 'SALES')
@Resolver()
export class PipelineResolver {
  constructor(
    private readonly meetingsService: MeetingsService,
    private readonly opportunitiesService: OpportunitiesService,
    private readonly timelineService: LeadTimelineService,
  ) {}

  @Query(() => [Meeting], { description: "A lead's meetings, latest scheduled first." })
  meetings(
    @CurrentMember() actor: AuthMember,
    @Args('leadId', { type: () => ID }, new ParseUUIDPipe()) leadId: string,
  ): Promise<Meeting[]> {
    return this.meetingsService.list(actor, leadId);
  }

  @Query(() => [Opportunity], { description: "A lead's opportunities, newest first; at most one is open." })
  opportunities(
    @CurrentMember() actor: AuthMember,
    @Args('leadId', { type: () => ID }, new ParseUUIDPipe()) leadId: string,
  ): Promise<Opportunity[]> {
    return this.opportunitiesService.list(actor, leadId);
  }

  @Query(() => [LeadTimelineEntry], {
    description: "A lead's stage changes, meetings and opportunity changes, newest first.",
  })
  leadTimeline(
    @CurrentMember() actor: AuthMember,
    @Args('leadId', { type: () => ID }, new ParseUUIDPipe()) leadId: string,
  ): Promise<LeadTimelineEntry[]> {
    return this.timelineService.timeline(actor, leadId);
  }

  @Roles('ADMIN', 'SALES')
  @Mutation(() => Meeting)
  bookMeeting(@CurrentMember() actor: AuthMember, @Args('input') input: BookMeetingInput): Promise<Meeting> {
    return this.meetingsService.book(actor, input);
  }

  @Roles('ADMIN', 'SALES')
  @Mutation(() => Meeting, { description: 'Marks a booked meeting HELD, NO_SHOW or CANCELLED, once.' })
  markMeeting(@CurrentMember() actor: AuthMember, @Args('input') input: MarkMeetingInput): Promise<Meeting> {
    return this.meetingsService.mark(actor, input);
  }

  @Roles('ADMIN', 'SALES')
  @Mutation(() => Opportunity, {
    description: 'Opens an opportunity on a lead sales accepted (SAL or SQL); the lead moves to OPPORTUNITY.',
  })
  openOpportunity(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: OpenOpportunityInput,
  ): Promise<Opportunity> {
    return this.opportunitiesService.open(actor, input);
  }

  @Roles('ADMIN', 'SALES')
  @Mutation(() => Opportunity, {
    description: 'Moves an opportunity forward; WON or LOST close it (and the lead) with a close date.',
  })
  moveOpportunity(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: MoveOpportunityInput,
  ): Promise<Opportunity> {
    return this.opportunitiesService.move(actor, input);
  }

  @Roles('ADMIN', 'SALES')
  @Mutation(() => Opportunity, { description: "Changes an open opportunity's amount." })
  updateOpportunityAmount(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: UpdateOpportunityAmountInput,
  ): Promise<Opportunity> {
    return this.opportunitiesService.updateAmount(actor, input);
  }
}

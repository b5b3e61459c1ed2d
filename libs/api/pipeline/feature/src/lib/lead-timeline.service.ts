import { Injectable } from '@nestjs/common';

import { LeadsRepository } from '@accord/api/leads/data-access';
import { MeetingsRepository, OpportunitiesRepository } from '@accord/api/pipeline/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';

import { leadTimeline } from './lead-timeline';
import { LeadTimelineEntry } from './models/pipeline.model';
import { PipelineSupport } from './pipeline-support';

/** A lead's whole story in one list: stage changes, meetings and opportunity changes. */
@Injectable()
export class LeadTimelineService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly leads: LeadsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly opportunities: OpportunitiesRepository,
    private readonly support: PipelineSupport,
  ) {}

  async timeline(actor: AuthMember, leadId: string): Promise<LeadTimelineEntry[]> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      await this.support.findLead(manager, leadId);
      const stages = await this.leads.transitions(manager, leadId);
      const meetings = await this.meetings.listByLead(manager, leadId);
      const opportunities = await this.opportunities.listByLead(manager, leadId);
      const opportunityTransitions = await this.opportunities.transitionsOfLead(manager, leadId);
      const names = await this.support.memberNames(manager, [
        ...stages.map((stage) => stage.actorId),
        ...meetings.flatMap((meeting) => [meeting.bookedById, meeting.markedById]),
        ...opportunityTransitions.map((change) => change.actorId),
      ]);
      const numbers = await this.support.versionNumbers(manager, [
        ...stages.map((stage) => stage.versionId),
        ...opportunityTransitions.map((change) => change.versionId),
      ]);
      const timeZone = await this.support.timeZone(manager, actor.workspaceId);
      return leadTimeline({
        stages,
        meetings,
        opportunities,
        opportunityTransitions,
        names,
        numbers,
        timeZone,
      });
    });
  }
}

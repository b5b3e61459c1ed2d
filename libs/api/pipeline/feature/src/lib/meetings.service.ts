import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { MeetingEntity, MeetingsRepository } from '@accord/api/pipeline/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';
import { bookingRefusal, isQualifiedMeeting, meetingMarkRefusal } from '@accord/domain/pipeline';

import { BookMeetingInput, MarkMeetingInput } from './dto/pipeline.inputs';
import { Meeting } from './models/pipeline.model';
import { bookingError, markError } from './pipeline-errors';
import { PipelineSupport } from './pipeline-support';

/** Meetings with leads: booked, then marked held, no-show or cancelled; a held one may count as qualified. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly meetings: MeetingsRepository,
    private readonly support: PipelineSupport,
    private readonly clock: Clock,
  ) {}

  async book(actor: AuthMember, input: BookMeetingInput): Promise<Meeting> {
    const now = this.clock.now();
    const title = input.title?.trim() || null;
    const notes = input.notes?.trim() || null;
    const refusal = bookingRefusal({ scheduledAt: input.scheduledAt, title, notes }, now);
    if (refusal) throw bookingError(refusal);
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      // Locked, as every other pipeline write does: a reassignment of the lead committing meanwhile is seen.
      const lead = await this.support.lockLead(manager, input.leadId);
      this.support.checkWrite(actor, { lead: lead.ownerId }, 'books meetings on this lead');
      const meeting = await this.meetings.insert(manager, {
        workspaceId: actor.workspaceId,
        id: randomUUID(),
        leadId: lead.id,
        ownerId: await this.support.owner(manager, input.ownerId, actor),
        scheduledAt: input.scheduledAt,
        title,
        notes,
        bookedById: actor.id,
        bookedAt: now,
      });
      return toMeeting(meeting, await this.support.memberNames(manager, [meeting.ownerId]));
    });
  }

  /**
   * Marks a booked meeting once. The lead is locked first, so an acceptance committing at the same moment is
   * either seen (and counts) or comes after; "qualified" is decided from the lead's first move to SAL.
   */
  async mark(actor: AuthMember, input: MarkMeetingInput): Promise<Meeting> {
    const now = this.clock.now();
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const found = await this.meetings.findById(manager, input.meetingId);
      if (!found) throw AppError.notFound('No such meeting in this workspace.');
      const lead = await this.support.lockLead(manager, found.leadId);
      const meeting = (await this.meetings.findById(manager, found.id)) as MeetingEntity;
      this.support.checkWrite(
        actor,
        { lead: lead.ownerId, item: { kind: 'meeting', owner: meeting.ownerId } },
        'marks this meeting',
      );
      const refusal = meetingMarkRefusal(meeting, input.status, now);
      if (refusal) throw markError(refusal, meeting.status);
      const qualified = isQualifiedMeeting(
        { status: input.status, scheduledAt: meeting.scheduledAt },
        await this.meetings.acceptedAt(manager, meeting.leadId),
      );
      const marked = await this.meetings.mark(manager, {
        id: meeting.id,
        status: input.status,
        qualified,
        actorId: actor.id,
        at: now,
      });
      if (!marked) throw AppError.conflict('The meeting was marked by someone else meanwhile.');
      const saved = (await this.meetings.findById(manager, meeting.id)) as MeetingEntity;
      return toMeeting(saved, await this.support.memberNames(manager, [saved.ownerId]));
    });
  }

  /** The lead's meetings, latest scheduled first; NOT_FOUND for a lead this workspace does not have. */
  async list(actor: AuthMember, leadId: string): Promise<Meeting[]> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      await this.support.findLead(manager, leadId);
      const meetings = await this.meetings.listByLead(manager, leadId);
      const names = await this.support.memberNames(
        manager,
        meetings.map((meeting) => meeting.ownerId),
      );
      return meetings.map((meeting) => toMeeting(meeting, names));
    });
  }
}

export function toMeeting(meeting: MeetingEntity, names: Map<string, string>): Meeting {
  return {
    id: meeting.id,
    leadId: meeting.leadId,
    ownerId: meeting.ownerId,
    ownerName: names.get(meeting.ownerId) ?? null,
    scheduledAt: meeting.scheduledAt,
    title: meeting.title,
    notes: meeting.notes,
    status: meeting.status,
    qualified: meeting.qualified,
    bookedAt: meeting.bookedAt,
    markedAt: meeting.markedAt,
  };
}

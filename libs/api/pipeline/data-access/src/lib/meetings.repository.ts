import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { MeetingStatus } from '@accord/domain/pipeline';

import { MeetingEntity } from './meeting.entity';

/** Meetings with leads. Every method runs in the caller's tenant transaction. */
@Injectable()
export class MeetingsRepository {
  async insert(
    manager: EntityManager,
    meeting: Pick<
      MeetingEntity,
      | 'workspaceId'
      | 'id'
      | 'leadId'
      | 'ownerId'
      | 'scheduledAt'
      | 'title'
      | 'notes'
      | 'bookedById'
      | 'bookedAt'
    >,
  ): Promise<MeetingEntity> {
    await manager.insert(MeetingEntity, { ...meeting, status: 'BOOKED', qualified: false });
    return (await this.findById(manager, meeting.id)) as MeetingEntity;
  }

  findById(manager: EntityManager, id: string): Promise<MeetingEntity | null> {
    return manager.findOneBy(MeetingEntity, { id });
  }

  /** The lead's meetings, soonest scheduled last. */
  listByLead(manager: EntityManager, leadId: string): Promise<MeetingEntity[]> {
    return manager.find(MeetingEntity, {
      where: { leadId },
      order: { scheduledAt: 'DESC', id: 'ASC' },
      take: 200,
    });
  }

  /**
   * Marks a booked meeting, once: the UPDATE only matches while the meeting is still BOOKED, so of two people
   * marking it at once one succeeds and the other changes nothing. Returns whether this call marked it.
   */
  async mark(
    manager: EntityManager,
    mark: { id: string; status: MeetingStatus; qualified: boolean; actorId: string; at: Date },
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MeetingEntity)
      .set({ status: mark.status, qualified: mark.qualified, markedById: mark.actorId, markedAt: mark.at })
      .where('id = :id AND status = :booked', { id: mark.id, booked: 'BOOKED' })
      .execute();
    return result.affected === 1;
  }

  /** When sales first accepted the lead (its first move to SAL), or null if they never did. */
  async acceptedAt(manager: EntityManager, leadId: string): Promise<Date | null> {
    const rows: { at: Date | null }[] = await manager.query(
      `SELECT min(at) AS at FROM lead_transitions WHERE lead_id = $1 AND to_stage = 'SAL'`,
      [leadId],
    );
    return rows[0]?.at ?? null;
  }
}

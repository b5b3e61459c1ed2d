import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { RoutingCursors } from '@accord/domain/handover';

/**
 * Where the workspace's round robins stand. Its row is locked by whoever routes, so two openers never give the
 * same turn twice.
 */
@Entity({ name: 'handover_routing' })
export class HandoverRoutingEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  cursors!: RoutingCursors;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

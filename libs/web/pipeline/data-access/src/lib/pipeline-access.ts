import { computed, inject } from '@angular/core';

import { pipelineWriteRefusal } from '@accord/domain/pipeline';
import { hasAnyRole } from '@accord/domain/workspace';
import { AuthStore } from '@accord/web/shared/data-access';

/** What the signed-in member may write of one lead's pipeline, by the API's own rule (pipelineWriteRefusal). */
export interface PipelineAccess {
  /** Sales and admins write pipelines at all; everyone else reads them. */
  inSales: () => boolean;
  /** Whether they may book meetings on the lead and open an opportunity on it. */
  onLead: () => boolean;
  /** Whether they may mark this meeting, or move and re-price this opportunity, of the lead. */
  onItem: (owner: string | null) => boolean;
}

/**
 * The signed-in member's access to the pipeline of the lead `leadOwner()` owns (null: no one). A sales member who
 * is not a manager works their own leads and deals and those no one owns; the buttons for the rest are not shown,
 * rather than refused by the API once pressed.
 */
export function injectPipelineAccess(leadOwner: () => string | null): PipelineAccess {
  const auth = inject(AuthStore);
  const inSales = computed(() => hasAnyRole(auth.roles(), ['ADMIN', 'SALES']));
  const allowed = (item?: string | null) => {
    const member = auth.member();
    return inSales() && member !== null && pipelineWriteRefusal(member, { lead: leadOwner(), item }) === null;
  };
  const onLead = computed(() => allowed());
  return { inSales, onLead, onItem: (owner) => allowed(owner) };
}

/** Why a sales member sees no buttons on a colleague's lead. */
export const NOT_YOUR_LEAD =
  'This lead is a colleague’s: its owner or a sales manager records its meetings and deal.';

import type { AgreementEvent } from '@accord/web/agreement/data-access';
import type { AgreementAction } from '@accord/web/shared/data-access';

import { formatInstant, formatNumber } from './wording';

const ACTION_LABELS: Record<AgreementAction, string> = {
  CREATED: 'Created',
  EDITED: 'Edited',
  PROPOSED: 'Proposed',
  SIGNED: 'Signed',
  SENT_BACK: 'Sent back',
  PUBLISHED: 'Published',
};

/** One line of the audit trail, already worded. */
export interface EventRow {
  id: string;
  versionId: string;
  version: string;
  action: string;
  who: string;
  when: string;
  revision: number;
  comment: string | null;
  details: string[];
}

function plural(count: number, noun: string): string {
  return `${formatNumber(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function detailText(key: string, value: unknown, timeZone: string | undefined): string | null {
  switch (key) {
    case 'side':
      return typeof value === 'string' ? `for ${value.toLowerCase()}` : null;
    case 'changes':
      return typeof value === 'number' ? plural(value, 'change') : null;
    case 'signaturesVoided':
      return typeof value === 'number' && value > 0 ? `${plural(value, 'signature')} voided` : null;
    case 'returnedToDraft':
      return value === true ? 'returned to draft' : null;
    case 'effectiveAt':
      return typeof value === 'string' ? `in force from ${formatInstant(value, timeZone)}` : null;
    case 'supersedesVersionNumber':
      return typeof value === 'number' ? `supersedes v${value}` : null;
    case 'basedOnVersionNumber':
      return typeof value === 'number' ? `copied from v${value}` : null;
    default:
      return value === null || value === undefined ? null : `${key}: ${JSON.stringify(value)}`;
  }
}

/** Words for the facts the API records with an action, skipping the ones that say nothing (0 voided, no base). */
export function eventDetails(details: Readonly<Record<string, unknown>>, timeZone?: string): string[] {
  return Object.entries(details).flatMap(([key, value]) => detailText(key, value, timeZone) ?? []);
}

export function toEventRow(event: AgreementEvent, timeZone?: string): EventRow {
  return {
    id: event.id,
    versionId: event.versionId,
    version: `v${event.versionNumber}`,
    action: ACTION_LABELS[event.action],
    // Publication follows the second signature; no one performs it.
    who: event.actor?.name ?? 'Accord',
    when: formatInstant(event.at, timeZone),
    revision: event.revision,
    comment: event.comment,
    details: eventDetails(event.details, timeZone),
  };
}

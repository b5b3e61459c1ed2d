import { type MemberStatus, type Role, approverSides } from '@accord/domain/workspace';
import type { AgreementStatus } from '@accord/web/shared/data-access';

/** What a workspace has done so far, read cheaply: its members, its agreement versions' statuses, any lead. */
export interface WorkspaceProgress {
  members: readonly { roles: readonly Role[]; approver: boolean; status: MemberStatus }[];
  versionStatuses: readonly AgreementStatus[];
  hasLeads: boolean;
}

export type GettingStartedStepKey = 'TEAM' | 'AGREEMENT' | 'PUBLISHED' | 'LEADS';

/** One step of a new workspace's first hour, with where to take it and whether it is done. */
export interface GettingStartedStep {
  key: GettingStartedStepKey;
  title: string;
  detail: string;
  links: { label: string; path: string }[];
  done: boolean;
}

function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Who is still missing from the team the agreement needs: someone to route leads to, and a signer for each side. */
function missingFromTeam(members: WorkspaceProgress['members']): string[] {
  // Invited members count: the step is to invite them; they can act once they join.
  const present = members.filter((member) => member.status !== 'DEACTIVATED');
  const signs = (side: 'MARKETING' | 'SALES') =>
    present.some((member) => approverSides(member.roles, member.approver).includes(side));
  return [
    ...(present.some((member) => member.roles.includes('SALES')) ? [] : ['a sales member']),
    ...(signs('MARKETING') ? [] : ['a marketing approver']),
    ...(signs('SALES') ? [] : ['a sales approver']),
  ];
}

/**
 * The getting-started checklist of a new workspace, in order: invite the team, write the agreement, have it signed
 * and published, add leads. Each step is done by what the workspace holds, not by a click.
 */
export function gettingStartedSteps(progress: WorkspaceProgress): GettingStartedStep[] {
  const missing = missingFromTeam(progress.members);
  const published = progress.versionStatuses.some(
    (status) => status === 'PUBLISHED' || status === 'SUPERSEDED',
  );
  return [
    {
      key: 'TEAM',
      title: 'Invite your team',
      detail: missing.length
        ? `Invite sales members (they receive leads), and a marketing and a sales approver (they sign the agreement) with Invite member. Still needed: ${listed(missing)}.`
        : 'Sales members and an approver for each side are invited.',
      links: [],
      done: missing.length === 0,
    },
    {
      key: 'AGREEMENT',
      title: 'Write the lead agreement',
      detail:
        'Start a draft from the starter agreement and make it yours: the ideal customer, the buying signals, when a lead goes to sales and to whom.',
      links: [{ label: 'Lead agreement', path: '/agreement' }],
      done: progress.versionStatuses.length > 0,
    },
    {
      key: 'PUBLISHED',
      title: 'Get it signed and published',
      detail:
        'Propose it; when a marketing and a sales approver have both signed, it is published and scores every lead.',
      links: [{ label: 'Lead agreement', path: '/agreement' }],
      done: published,
    },
    {
      key: 'LEADS',
      title: 'Add leads',
      detail:
        'Import a CSV of the leads you have, or create an API key to send leads and signals from your website.',
      links: [
        { label: 'Import a CSV', path: '/imports' },
        { label: 'API keys', path: '/api-keys' },
      ],
      done: progress.hasLeads,
    },
  ];
}

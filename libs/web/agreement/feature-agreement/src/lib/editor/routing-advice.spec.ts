import { routingAdvice } from './routing-advice';

const sam = { id: 'sam-id', name: 'Sam Sales' };

describe('routingAdvice', () => {
  it('tells the admin of a workspace with no sales members that the draft saves, and where to invite them', () => {
    expect(routingAdvice({ candidates: [], routingIssues: 0, proposalIssues: 1, admin: true })).toBe(
      'No one in this workspace is an active sales member yet, so leads cannot be routed to anyone. You can save ' +
        'this draft; to propose it, invite sales members on Members (or give someone the Sales role there), then ' +
        'add them under Routing.',
    );
    expect(routingAdvice({ candidates: [], routingIssues: 1, proposalIssues: 0, admin: false })).toBe(
      'No one in this workspace is an active sales member yet, so leads cannot be routed to anyone. You can save ' +
        'this draft; to propose it, ask an admin to invite sales members, then add them under Routing.',
    );
  });

  it('points at routing or at Members once there are sales members to choose', () => {
    expect(routingAdvice({ candidates: [sam], routingIssues: 2, proposalIssues: 0, admin: true })).toBe(
      'Routing names people who are not active sales members: remove them under Routing (a deactivated member can ' +
        'only be removed), or give one who is active the Sales role on Members.',
    );
    expect(routingAdvice({ candidates: [sam], routingIssues: 0, proposalIssues: 1, admin: false })).toBe(
      'Choose at least one sales member under Routing to receive leads before proposing.',
    );
  });

  it('says nothing when routing is fine, or when the members could not be read and nothing is wrong', () => {
    expect(routingAdvice({ candidates: [sam], routingIssues: 0, proposalIssues: 0, admin: true })).toBeNull();
    expect(routingAdvice({ candidates: null, routingIssues: 0, proposalIssues: 0, admin: true })).toBeNull();
  });
});

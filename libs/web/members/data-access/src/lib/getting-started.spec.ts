import { type WorkspaceProgress, gettingStartedSteps } from './getting-started';

const admin = { roles: ['ADMIN' as const], approver: false, status: 'ACTIVE' as const };

function done(progress: WorkspaceProgress) {
  return gettingStartedSteps(progress).map((step) => [step.key, step.done]);
}

describe('gettingStartedSteps', () => {
  it('has everything to do in a workspace of one admin, and says who is missing', () => {
    const steps = gettingStartedSteps({ members: [admin], versionStatuses: [], hasLeads: false });

    expect(steps.map((step) => [step.key, step.done])).toEqual([
      ['TEAM', false],
      ['AGREEMENT', false],
      ['PUBLISHED', false],
      ['LEADS', false],
    ]);
    expect(steps[0].detail).toBe(
      'Invite sales members (they receive leads), and a marketing and a sales approver (they sign the agreement) ' +
        'with Invite member. Still needed: a sales member, a marketing approver and a sales approver.',
    );
    expect(steps[3].links).toEqual([
      { label: 'Import a CSV', path: '/imports' },
      { label: 'API keys', path: '/api-keys' },
    ]);
  });

  it('counts invited members, not deactivated ones, and an admin who signs for marketing', () => {
    const steps = gettingStartedSteps({
      members: [
        { roles: ['ADMIN', 'MARKETING'], approver: true, status: 'ACTIVE' },
        { roles: ['SALES'], approver: false, status: 'INVITED' },
        { roles: ['SALES'], approver: true, status: 'DEACTIVATED' },
      ],
      versionStatuses: ['DRAFT'],
      hasLeads: false,
    });

    expect(steps[0]).toMatchObject({
      done: false,
      detail: expect.stringMatching(/Still needed: a sales approver\.$/),
    });
    expect(steps[1].done).toBe(true);
  });

  it('is done once the team is in, a version was published and a lead exists', () => {
    expect(
      done({
        members: [
          { roles: ['MARKETING'], approver: true, status: 'ACTIVE' },
          { roles: ['SALES'], approver: true, status: 'INVITED' },
        ],
        versionStatuses: ['PROPOSED', 'SUPERSEDED'],
        hasLeads: true,
      }),
    ).toEqual([
      ['TEAM', true],
      ['AGREEMENT', true],
      ['PUBLISHED', true],
      ['LEADS', true],
    ]);
    expect(done({ members: [admin], versionStatuses: ['PROPOSED'], hasLeads: false })[2]).toEqual([
      'PUBLISHED',
      false,
    ]);
  });
});

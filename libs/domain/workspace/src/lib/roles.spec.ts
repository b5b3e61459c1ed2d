import { approverSides, checkMemberChange, normaliseRoles } from './roles';

describe('normaliseRoles', () => {
  it('sorts and de-duplicates roles in catalogue order', () => {
    expect(normaliseRoles(['SALES', 'ADMIN', 'SALES'])).toEqual(['ADMIN', 'SALES']);
  });
});

describe('approverSides', () => {
  it('signs for each side whose role an approver holds', () => {
    expect([
      approverSides(['MARKETING', 'SALES'], true),
      approverSides(['MARKETING'], true),
      approverSides(['ADMIN', 'EXECUTIVE'], true),
      approverSides(['SALES'], false),
    ]).toEqual([['MARKETING', 'SALES'], ['MARKETING'], [], []]);
  });
});

describe('checkMemberChange', () => {
  const base = {
    actorId: 'actor',
    targetId: 'target',
    targetIsActiveAdmin: true,
    activeAdminCount: 2,
    nextRoles: ['ADMIN'] as const,
    deactivate: false,
  };

  it('allows demoting an admin while another admin remains', () => {
    expect(checkMemberChange({ ...base, nextRoles: ['SALES'] })).toBeNull();
  });

  it('refuses to demote or deactivate the last active admin', () => {
    expect([
      checkMemberChange({ ...base, activeAdminCount: 1, nextRoles: ['SALES'] }),
      checkMemberChange({ ...base, activeAdminCount: 1, deactivate: true }),
    ]).toEqual(['LAST_ADMIN', 'LAST_ADMIN']);
  });

  it('refuses an empty role set and self-deactivation', () => {
    expect([
      checkMemberChange({ ...base, nextRoles: [] }),
      checkMemberChange({ ...base, targetId: 'actor', deactivate: true }),
    ]).toEqual(['NO_ROLES', 'SELF_DEACTIVATION']);
  });

  it('lets the last admin keep being admin while other roles change', () => {
    expect(checkMemberChange({ ...base, activeAdminCount: 1, nextRoles: ['ADMIN', 'SALES'] })).toBeNull();
  });
});

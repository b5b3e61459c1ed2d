import { canUse, featuresFor, homeFeature } from './features';
import { passwordProblem } from './identity';

describe('featuresFor', () => {
  it('shows each demo role exactly its areas', () => {
    const areas = (roles: Parameters<typeof featuresFor>[0]) =>
      featuresFor(roles).map((entry) => entry.feature);
    expect({
      admin: areas(['ADMIN']),
      marketing: areas(['MARKETING']),
      sales: areas(['SALES']),
      executive: areas(['EXECUTIVE']),
    }).toEqual({
      admin: ['DASHBOARD', 'AGREEMENT', 'LEADS', 'HANDOVERS', 'IMPORTS', 'MEMBERS', 'API_KEYS', 'WEBHOOKS'],
      marketing: ['DASHBOARD', 'AGREEMENT', 'LEADS', 'IMPORTS'],
      sales: ['DASHBOARD', 'AGREEMENT', 'LEADS', 'HANDOVERS'],
      executive: ['DASHBOARD', 'AGREEMENT'],
    });
  });

  it('unions the areas of several roles', () => {
    expect(canUse(['EXECUTIVE', 'SALES'], 'HANDOVERS')).toBe(true);
    expect(canUse(['EXECUTIVE'], 'MEMBERS')).toBe(false);
  });
});

describe('homeFeature', () => {
  it('sends executives to the dashboard and sales to their queue', () => {
    expect([
      homeFeature(['EXECUTIVE', 'SALES']),
      homeFeature(['SALES']),
      homeFeature(['MARKETING']),
      homeFeature(['ADMIN']),
    ]).toEqual(['DASHBOARD', 'HANDOVERS', 'AGREEMENT', 'MEMBERS']);
  });
});

describe('passwordProblem', () => {
  it('asks for length, not composition', () => {
    expect([
      passwordProblem('short', 'a@b.co'),
      passwordProblem('x'.repeat(201), 'a@b.co'),
      passwordProblem('Someone@Example.com', 'someone@example.com'),
      passwordProblem('correct horse battery', 'a@b.co'),
    ]).toEqual(['TOO_SHORT', 'TOO_LONG', 'SAME_AS_EMAIL', null]);
  });
});

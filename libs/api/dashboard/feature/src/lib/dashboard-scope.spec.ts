import { AppError } from '@accord/api/shared/graphql';

import { checkFilter, chosenVersion, factScope, versionInForce } from './dashboard-scope';

const v1 = {
  id: '11111111-1111-4111-8111-111111111111',
  number: 1,
  effectiveAt: new Date('2026-01-01T00:00:00Z'),
  supersededAt: new Date('2026-07-01T00:00:00Z'),
};
const v2 = {
  id: '22222222-2222-4222-8222-222222222222',
  number: 2,
  effectiveAt: v1.supersededAt,
  supersededAt: null,
};
const versions = [v2, v1];
const filter = {
  from: new Date('2026-11-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  granularity: 'MONTH',
};

describe('dashboard scope', () => {
  it('finds the version in force at an instant, none before the first', () => {
    expect(versionInForce(versions, new Date('2026-06-30T23:59:59Z'))).toBe(v1);
    expect(versionInForce(versions, new Date('2026-07-01T00:00:00Z'))).toBe(v2);
    expect(versionInForce(versions, new Date('2025-12-31T00:00:00Z'))).toBeNull();
  });

  it('turns a filter into the facts to read, with the version’s time in force and the band’s counts', () => {
    expect(
      factScope(
        { ...filter, employeeBand: '1000+', ownerId: v1.id, industry: 'Software', team: 'EMEA' },
        'Europe/Berlin',
        v1,
      ),
    ).toEqual({
      from: filter.from,
      to: filter.to,
      timeZone: 'Europe/Berlin',
      versionId: v1.id,
      versionWindow: { from: v1.effectiveAt, to: v1.supersededAt },
      industry: 'Software',
      employeesMin: 1000,
      employeesMax: null,
      country: null,
      source: null,
      campaign: null,
      ownerId: v1.id,
      team: 'EMEA',
    });
    expect(factScope(filter, 'UTC', null)).toMatchObject({ ownerId: null, team: null });
  });

  it('refuses a version the workspace has not published, and a bad filter, naming the fields', () => {
    expect(chosenVersion({ ...filter, versionId: v2.id }, versions)).toBe(v2);
    expect(chosenVersion(filter, versions)).toBeNull();
    expect(() =>
      chosenVersion({ ...filter, versionId: '33333333-3333-4333-8333-333333333333' }, versions),
    ).toThrow(AppError);
    let error: unknown;
    try {
      checkFilter({ ...filter, to: filter.from });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'filter.to: must be after from',
      fields: [{ field: 'filter.to', message: 'must be after from' }],
    });
  });
});

import { consecutiveRuns } from './dashboard-rollup.repository';
import type { FactScope } from './fact-scope';
import { KEPT_SLICES, SLICE_BITS, sliceOf, sliceWhere } from './rollup-slices';

const scope = (overrides: Partial<FactScope> = {}): FactScope => ({
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2026-02-01T00:00:00Z'),
  timeZone: 'UTC',
  versionId: null,
  versionWindow: null,
  industry: null,
  employeesMin: null,
  employeesMax: null,
  country: null,
  source: null,
  campaign: null,
  ownerId: null,
  team: null,
  ...overrides,
});

describe('the rollup slices', () => {
  it('keeps everything, each dimension alone and each segment with the owner: twelve slices', () => {
    expect(KEPT_SLICES).toHaveLength(12);
    expect(new Set(KEPT_SLICES).size).toBe(12);
    expect(KEPT_SLICES).toContain(SLICE_BITS.industry | SLICE_BITS.owner);
    expect(KEPT_SLICES).not.toContain(SLICE_BITS.industry | SLICE_BITS.country);
  });

  it('reads a filter of one segment, an owner and a version from its slice', () => {
    const slice = sliceOf(
      scope({ industry: 'Software', ownerId: 'o', versionId: 'v' }),
      '2026-01-01',
      '2026-02-01',
    );
    expect(slice).toMatchObject({ dims: SLICE_BITS.industry | SLICE_BITS.owner, versionId: 'v' });
    const { where, params } = sliceWhere(slice!);
    expect(params).toEqual([3, '2026-01-01', '2026-02-01', 'v', 'o', 'Software']);
    expect(where).toContain('r.owner_id = $5');
    expect(where).toContain('r.industry = $6');
    expect(where).toContain('r.country IS NULL');
  });

  it('maps an employee band to its index, and refuses bounds that are no band', () => {
    expect(
      sliceOf(scope({ employeesMin: 200, employeesMax: 999 }), '2026-01-01', '2026-02-01')?.employeeBand,
    ).toBe(2);
    expect(
      sliceOf(scope({ employeesMin: 1000, employeesMax: null }), '2026-01-01', '2026-02-01')?.employeeBand,
    ).toBe(3);
    expect(sliceOf(scope({ employeesMin: 10, employeesMax: 20 }), '2026-01-01', '2026-02-01')).toBeNull();
  });

  it('reads a team from the slice keyed by owner, summing the rows of its members', () => {
    const slice = sliceOf(scope({ team: 'EMEA', source: 'webinar' }), '2026-01-01', '2026-02-01');
    expect(slice).toMatchObject({ dims: SLICE_BITS.source | SLICE_BITS.owner, ownerId: null, team: 'EMEA' });
    const { where, params } = sliceWhere(slice!);
    expect(params).toEqual([
      SLICE_BITS.source | SLICE_BITS.owner,
      '2026-01-01',
      '2026-02-01',
      null,
      'webinar',
      'EMEA',
    ]);
    expect(where).not.toContain('r.owner_id IS NULL');
    expect(where).toContain('r.owner_id IN (SELECT tm.id FROM members tm WHERE tm.team = $6)');
    expect(where).toContain('r.industry IS NULL');
    // With an owner as well, both hold; for the per-rep view, the same rows.
    const both = sliceWhere(
      sliceOf(scope({ team: 'EMEA', ownerId: 'o' }), '2026-01-01', '2026-02-01')!,
      true,
    );
    expect(both.params).toEqual([SLICE_BITS.owner, '2026-01-01', '2026-02-01', null, 'o', 'EMEA']);
    expect(both.where).toContain('r.owner_id = $5');
    expect(both.where).toContain('tm.team = $6');
    expect(
      sliceOf(scope({ team: 'EMEA', source: 'webinar', country: 'US' }), '2026-01-01', '2026-02-01'),
    ).toBeNull();
    // A scope written without a team (as the benchmark's) reads as any team.
    const withoutTeam = scope({ country: 'US' });
    delete withoutTeam.team;
    expect(sliceOf(withoutTeam, '2026-01-01', '2026-02-01')).toMatchObject({
      dims: SLICE_BITS.country,
      team: null,
    });
  });

  it('leaves two segments at once to the raw tables', () => {
    expect(sliceOf(scope({ industry: 'Software', country: 'US' }), '2026-01-01', '2026-02-01')).toBeNull();
  });

  it('reads every owner of a slice for the per-rep view, or the one asked for', () => {
    const all = sliceWhere(sliceOf(scope({ country: 'US' }), '2026-01-01', '2026-02-01')!, true);
    expect(all.params[0]).toBe(SLICE_BITS.country | SLICE_BITS.owner);
    expect(all.where).not.toContain('owner_id');
    const one = sliceWhere(sliceOf(scope({ ownerId: 'o' }), '2026-01-01', '2026-02-01')!, true);
    expect(one.where).toContain('r.owner_id = $5');
  });
});

describe('consecutiveRuns', () => {
  it('splits sorted distinct days into runs of consecutive days, at most maxRun long', () => {
    expect(
      consecutiveRuns(
        ['2026-01-03', '2026-01-01', '2026-01-02', '2026-01-02', '2026-01-05', '2026-02-28', '2026-03-01'],
        2,
      ),
    ).toEqual([['2026-01-01', '2026-01-02'], ['2026-01-03'], ['2026-01-05'], ['2026-02-28', '2026-03-01']]);
    expect(consecutiveRuns([], 31)).toEqual([]);
  });
});

import { COLLEAGUES, GONE, NIA, RIA, SAM } from '../testing/dashboard';
import { ownerChoices, teamChoices } from './dashboard-owners';

const SEEN = new Map([
  [SAM, 'Sam Sales'],
  [RIA, 'Ria Rep'],
]);

describe('ownerChoices', () => {
  it('offers every active member, by name, not only the reps seen', () => {
    expect(ownerChoices(COLLEAGUES, SEEN, null)).toEqual([
      { id: 'eve', name: 'Eve Executive' },
      { id: NIA, name: 'Nia New' },
      { id: RIA, name: 'Ria Rep' },
      { id: SAM, name: 'Sam Sales' },
    ]);
  });

  it('offers an invited member too: an import gives reps deals before they first sign in', () => {
    const invited = { ...COLLEAGUES[0], id: 'dana', name: 'Dana Dealmaker', status: 'INVITED' as const };
    expect(ownerChoices([...COLLEAGUES, invited], SEEN, null).map((choice) => choice.name)).toContain(
      'Dana Dealmaker',
    );
  });

  it('offers the reps seen until the members are read', () => {
    expect(ownerChoices(null, SEEN, null)).toEqual([
      { id: RIA, name: 'Ria Rep' },
      { id: SAM, name: 'Sam Sales' },
    ]);
  });

  it('keeps a chosen owner nobody offers, named when anyone knows them', () => {
    expect(ownerChoices(COLLEAGUES, SEEN, GONE).at(-1)).toEqual({ id: GONE, name: 'Gus Gone' });
    const stranger = '00000000-0000-4000-8000-0000000000ff';
    expect(ownerChoices(null, SEEN, stranger).at(-1)).toEqual({ id: stranger, name: 'Another member' });
    expect(ownerChoices(COLLEAGUES, SEEN, RIA)).toHaveLength(4);
  });
});

describe('teamChoices', () => {
  it('offers each team the members are in once, sorted, deactivated members’ teams too', () => {
    expect(teamChoices(COLLEAGUES, null)).toEqual(['DACH', 'EMEA', 'Nordics']);
    expect(teamChoices(null, null)).toEqual([]);
  });

  it('keeps a chosen team nobody is in any more, first', () => {
    expect(teamChoices(COLLEAGUES, 'APAC')).toEqual(['APAC', 'DACH', 'EMEA', 'Nordics']);
    expect(teamChoices(COLLEAGUES, 'EMEA')).toEqual(['DACH', 'EMEA', 'Nordics']);
  });
});

import { type Colleague, activeColleagues } from './colleagues';

const colleague = (
  id: string,
  roles: Colleague['roles'],
  status: Colleague['status'] = 'ACTIVE',
): Colleague => ({
  id,
  name: id.toUpperCase(),
  roles,
  team: null,
  status,
});

describe('activeColleagues', () => {
  const list = [
    colleague('ann', ['ADMIN']),
    colleague('gone', ['SALES'], 'DEACTIVATED'),
    colleague('new', ['SALES'], 'INVITED'),
    colleague('sam', ['SALES', 'ADMIN']),
    colleague('mia', ['MARKETING']),
  ];

  it('keeps the active members with the role, in order', () => {
    expect(activeColleagues(list, 'SALES')).toEqual([{ id: 'sam', name: 'SAM' }]);
  });

  it('keeps every active member without a role', () => {
    expect(activeColleagues(list).map((member) => member.id)).toEqual(['ann', 'sam', 'mia']);
  });
});

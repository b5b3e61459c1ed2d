import type { Colleague } from '@accord/web/shared/data-access';

import { initialOwner, ownerChoices } from './pipeline-owners';

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

const team = [
  colleague('jo', ['SALES']),
  colleague('sam', ['SALES'], 'ACTIVE'),
  colleague('gone', ['SALES'], 'DEACTIVATED'),
  colleague('mia', ['MARKETING']),
];

describe('pipeline owners', () => {
  it('offers a manager the active sales members, themself included; a rep gets no choice', () => {
    const manager = { id: 'sam', name: 'SAM', roles: ['SALES'] as const, approver: true };
    expect(ownerChoices(manager, team)).toEqual([
      { id: 'jo', name: 'JO' },
      { id: 'sam', name: 'SAM' },
    ]);
    const admin = { id: 'ada', name: 'Ada', roles: ['ADMIN'] as const, approver: false };
    expect(ownerChoices(admin, team)?.map((choice) => choice.id)).toEqual(['ada', 'jo', 'sam']);
    // Before the colleagues are read, a manager can still book for themself.
    expect(ownerChoices(admin, null)).toEqual([{ id: 'ada', name: 'Ada' }]);
    expect(ownerChoices({ id: 'jo', name: 'JO', roles: ['SALES'], approver: false }, team)).toBeNull();
    expect(ownerChoices(null, team)).toBeNull();
  });

  it("starts at the lead's owner when they are a choice, else at the member", () => {
    const choices = [
      { id: 'jo', name: 'JO' },
      { id: 'sam', name: 'SAM' },
    ];
    expect(initialOwner(choices, 'jo', 'sam')).toBe('jo');
    expect(initialOwner(choices, 'gone', 'sam')).toBe('sam');
    expect(initialOwner(choices, null, 'sam')).toBe('sam');
    expect(initialOwner(null, 'jo', 'riley')).toBe('riley');
  });
});

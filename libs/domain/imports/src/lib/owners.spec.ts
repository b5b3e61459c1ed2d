import { OwnerDirectory, cleanOwner } from './owners';

describe('owners', () => {
  const directory = new OwnerDirectory([
    { id: 'm1', email: 'casey@acme.com', name: 'Casey Closer' },
    { id: 'm2', email: 'alex.kim@acme.com', name: 'Alex Kim' },
    { id: 'm3', email: 'alex.k@acme.com', name: 'alex  kim' },
    { id: 'm4', email: 'Rene@Acme.com', name: 'René Roe' },
  ]);

  it('reads an owner cell as an e-mail address, else as a name', () => {
    expect(['Casey <CASEY@acme.com>', ' Casey   Closer ', 'x'.repeat(201)].map(cleanOwner)).toEqual([
      {
        ok: true,
        value: { email: 'casey@acme.com' },
        note: '"Casey <CASEY@acme.com>" read as casey@acme.com',
      },
      { ok: true, value: { name: 'Casey Closer' }, note: null },
      { ok: false, reason: `"${'x'.repeat(201)}" is not an e-mail address` },
    ]);
  });

  it('finds a member by e-mail, or by a name that exactly one member has, case and white space aside', () => {
    expect(
      [
        { email: 'casey@acme.com' },
        { email: 'rene@acme.com' },
        { email: 'nobody@acme.com' },
        { name: 'Casey Closer' },
        { name: 'casey CLOSER' },
        { name: 'Rene Roe' },
        { name: 'Casey' },
        { name: 'Alex Kim' },
      ].map((owner) => directory.find(owner)),
    ).toEqual([
      { ok: true, memberId: 'm1', note: null },
      { ok: true, memberId: 'm4', note: null },
      { ok: false, reason: 'nobody@acme.com is not a member' },
      { ok: true, memberId: 'm1', note: '"Casey Closer" is the member casey@acme.com' },
      { ok: true, memberId: 'm1', note: '"casey CLOSER" is the member casey@acme.com' },
      // Accents count: "Rene" is not "René".
      { ok: false, reason: '"Rene Roe" is neither an e-mail address nor the name of a member' },
      { ok: false, reason: '"Casey" is neither an e-mail address nor the name of a member' },
      {
        ok: false,
        reason: `"Alex Kim" is the name of 2 members (give the owner's e-mail to tell them apart)`,
      },
    ]);
  });
});

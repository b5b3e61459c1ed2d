import { IMPORT_ROLES } from './fields';
import { mappingFromProposal, proposeMapping } from './mapping';
import { RowPreparer } from './rows';
import { refuseManagers, repName } from './sales-reps';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('sales reps: mapping', () => {
  it('proposes the rep fields from CRM user exports, in any case, with accents and synonyms', () => {
    const headers = ['User Email', 'Full Name', 'Reports To', 'Région', 'Phone'];
    expect(proposeMapping('SALES_REPS', headers).map((item) => [item.field, item.confidence])).toEqual([
      ['email', 'SYNONYM'],
      ['name', 'SYNONYM'],
      ['manager', 'SYNONYM'],
      ['team', 'SYNONYM'],
      [null, 'NONE'],
    ]);
    const other = ['E-mail', 'NOM', 'Manager E-mail', 'Team / Region'];
    expect(proposeMapping('SALES_REPS', other).map((item) => item.field)).toEqual([
      'email',
      'name',
      'manager',
      'team',
    ]);
    expect(
      proposeMapping('SALES_REPS', ['Territory', 'Supervisor', 'Équipe']).map((item) => item.field),
    ).toEqual(['team', 'manager', null]);
  });

  it('lets only admins import reps; the other kinds admins and marketing', () => {
    expect(IMPORT_ROLES.SALES_REPS).toEqual(['ADMIN']);
    expect(IMPORT_ROLES.LEADS).toEqual(['ADMIN', 'MARKETING']);
  });
});

describe('sales reps: rows', () => {
  const headers = ['Email', 'Name', 'Manager', 'Team'];
  const preparer = () =>
    new RowPreparer('SALES_REPS', headers, mappingFromProposal(proposeMapping('SALES_REPS', headers)), NOW);

  it('cleans e-mails, names and teams and says what it cleaned', () => {
    expect(
      preparer().prepare([
        ' Ana Lima <ANA@Acme.com>',
        '  Ana   Lima ',
        'mailto:Bo@acme.com',
        ' EMEA  North ',
      ]),
    ).toEqual({
      ok: true,
      value: { email: 'ana@acme.com', name: 'Ana Lima', managerEmail: 'bo@acme.com', team: 'EMEA North' },
      notes: [
        'Email: "Ana Lima <ANA@Acme.com>" read as ana@acme.com',
        'Manager: "mailto:Bo@acme.com" read as bo@acme.com',
      ],
    });
    expect(preparer().prepare(['cy@acme.com', '', '', ''])).toEqual({
      ok: true,
      value: { email: 'cy@acme.com', name: null, managerEmail: null, team: null },
      notes: [],
    });
  });

  it('refuses a row without an e-mail, a bad manager address, and a rep who manages themself', () => {
    expect(preparer().prepare(['', 'Ana', '', ''])).toEqual({
      ok: false,
      problems: [{ column: 'Email', reason: 'is empty; every row needs it' }],
      notes: [],
    });
    expect(preparer().prepare(['ana@acme.com', 'Ana', 'the boss', ''])).toEqual({
      ok: false,
      problems: [{ column: 'Manager', reason: '"the boss" is not an e-mail address' }],
      notes: [],
    });
    expect(preparer().prepare(['ana@acme.com', 'Ana', 'ANA@acme.com', ''])).toEqual({
      ok: false,
      problems: [{ column: 'Manager', reason: 'names the rep themself as their manager' }],
      notes: ['Manager: "ANA@acme.com" read as ana@acme.com'],
    });
    expect(preparer().prepare(['ana@acme.com', 'x'.repeat(121), '', ''])).toMatchObject({
      ok: false,
      problems: [{ column: 'Name' }],
    });
  });

  it('names a new rep without a name by the e-mail', () => {
    expect(repName('ana.lima@acme.com')).toBe('ana.lima');
  });
});

describe('sales reps: managers', () => {
  const none = new Map<string, { managerEmail: string | null }>();

  it('finds a manager among the members or anywhere in the rows, before or after the rep', () => {
    const members = new Map([['boss@acme.com', { managerEmail: null }]]);
    expect(
      refuseManagers(
        [
          { row: 2, email: 'ana@acme.com', managerEmail: 'lead@acme.com' },
          { row: 3, email: 'lead@acme.com', managerEmail: 'boss@acme.com' },
          { row: 4, email: 'cy@acme.com', managerEmail: null },
        ],
        members,
      ),
    ).toEqual([]);
  });

  it('refuses an unknown manager, and then whoever that refused rep was to manage', () => {
    expect(
      refuseManagers(
        [
          { row: 2, email: 'ana@acme.com', managerEmail: 'lead@acme.com' },
          { row: 3, email: 'lead@acme.com', managerEmail: 'ghost@acme.com' },
        ],
        none,
      ),
    ).toEqual([
      { row: 2, reason: 'lead@acme.com cannot be the manager: their own row (3) is refused' },
      { row: 3, reason: 'ghost@acme.com is no member of this workspace and no rep in this file' },
    ]);
  });

  it('refuses the row that closes a loop, in the file or through the members as they are', () => {
    expect(
      refuseManagers(
        [
          { row: 2, email: 'a@acme.com', managerEmail: 'b@acme.com' },
          { row: 3, email: 'b@acme.com', managerEmail: 'a@acme.com' },
        ],
        none,
      ),
    ).toEqual([
      // b is new: refused, b is not created, so a's manager is missing too.
      { row: 2, reason: 'b@acme.com cannot be the manager: their own row (3) is refused' },
      { row: 3, reason: 'would make a loop of managers: b@acme.com → a@acme.com → b@acme.com' },
    ]);
    const members = new Map([
      ['a@acme.com', { managerEmail: 'b@acme.com' }],
      ['b@acme.com', { managerEmail: null }],
    ]);
    expect(refuseManagers([{ row: 2, email: 'b@acme.com', managerEmail: 'a@acme.com' }], members)).toEqual([
      { row: 2, reason: 'would make a loop of managers: b@acme.com → a@acme.com → b@acme.com' },
    ]);
    // An empty manager cell leaves a's manager as it is (b), so b under a is still a loop.
    expect(
      refuseManagers(
        [
          { row: 2, email: 'b@acme.com', managerEmail: 'a@acme.com' },
          { row: 3, email: 'a@acme.com', managerEmail: null },
        ],
        members,
      ),
    ).toEqual([{ row: 2, reason: 'would make a loop of managers: b@acme.com → a@acme.com → b@acme.com' }]);
  });

  it('checks a 50,000-rep chain with a loop at its end in linear time', () => {
    const email = (index: number) => `rep${index}@acme.com`;
    const count = 50_000;
    // Each rep reports to the next row's rep, and the last to the first: one loop through the whole file.
    const rows = Array.from({ length: count }, (_, index) => ({
      row: index + 2,
      email: email(index),
      managerEmail: email((index + 1) % count),
    }));
    // Quadratic work would take minutes here; the test's 5 s timeout is the bound.
    const refusals = refuseManagers(rows, none);

    // The last row closes the loop and is refused; everyone below it lost their manager in turn.
    expect(refusals).toHaveLength(count);
    expect(refusals[count - 1].reason).toBe(
      'would make a loop of managers: rep49999@acme.com → rep0@acme.com → rep1@acme.com → … → rep49998@acme.com → rep49999@acme.com',
    );
    expect(refusals[count - 2].reason).toBe(
      `rep49999@acme.com cannot be the manager: their own row (${count + 1}) is refused`,
    );
  });
});

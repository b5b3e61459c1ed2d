import { INestApplicationContext } from '@nestjs/common';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { LeadSpellingsRepository, ScoringLockPatience } from '@accord/api/leads/data-access';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { OwnerDb, TenantDb } from '@accord/api/shared/database';
import { ErrorCode } from '@accord/api/shared/graphql';
import {
  FrozenClock,
  SHARED_SCORING_LOCK,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  heldOpen,
  testModule,
  untilLockWaits,
} from '@accord/api/shared/testing';

import { LeadValuesService } from './lead-values.service';
import { LeadsModule } from './leads.module';
import { LeadsService } from './leads.service';

type Team = TestTeam<'marketing' | 'sales'>;

describe("the workspace's lead values and their corrected spelling, on PostgreSQL", () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let leads: LeadsService;
  let values: LeadValuesService;
  const clock = new FrozenClock();

  const newTeam = (): Promise<Team> =>
    createTeam(app, {
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'sam', roles: ['SALES'], approver: true },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(
      database,
      clock,
      [MembersDataAccessModule, AgreementsDataAccessModule, LeadsModule],
      { poolSize: 4 },
    )
      // Short waits, so that giving way takes a moment here; the product's are seconds.
      .overrideProvider(ScoringLockPatience)
      .useValue({ waitMs: 300, correctionPausesMs: [100, 100], flipPauseMs: 100, respellWaitMs: 300 })
      .compile();
    app = await moduleRef.init();
    leads = app.get(LeadsService);
    values = app.get(LeadValuesService);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('lists each value once in its spelling, those with the most leads first, and corrects its case in every lead', async () => {
    const team = await newTeam();
    const created = [];
    for (const [email, source] of [
      ['a@values.example', 'linkedin'],
      ['b@values.example', 'LinkedIn'],
      ['c@values.example', 'LINKEDIN'],
      ['d@values.example', 'webinar'],
    ])
      created.push(await leads.create(team.marketing, { email, source, industry: 'Software' }));
    // The only lead with "webinar" moves on: the value stays known, held by no lead.
    await leads.update(team.marketing, created[3].id, { source: 'Partner' });
    expect(await values.list(team.sales, 'SOURCE')).toEqual({
      field: 'SOURCE',
      total: 3,
      values: [
        { spelling: 'linkedin', leads: 3 },
        { spelling: 'Partner', leads: 1 },
        { spelling: 'webinar', leads: 0 },
      ],
    });

    clock.current = new Date(clock.current.getTime() + 60_000);
    expect(await values.correct(team.marketing, { field: 'SOURCE', spelling: ' LinkedIn ' })).toEqual({
      field: 'SOURCE',
      spelling: 'LinkedIn',
      previous: 'linkedin',
      leads: 3,
    });
    const rows: { source: string; updated: boolean }[] = await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(
          `SELECT DISTINCT source, updated_at = $1 AS updated FROM leads WHERE source ILIKE 'linkedin'`,
          [clock.current],
        ),
      );
    // Marked updated, so the dashboard's rollup counts them again under the new spelling.
    expect(rows).toEqual([{ source: 'LinkedIn', updated: true }]);
    // Later writers store the value in its new spelling; its score was never a matter of case.
    const later = await leads.create(team.marketing, { email: 'e@values.example', source: 'linkedIN' });
    expect(later.source).toBe('LinkedIn');
    expect((await leads.detail(team.sales, created[0].id)).lead.evaluation?.fitScore).toBe(
      created[0].evaluation?.fitScore,
    );
    // Again: nothing to change.
    expect(await values.correct(team.marketing, { field: 'SOURCE', spelling: 'LinkedIn' })).toMatchObject({
      previous: 'LinkedIn',
      leads: 0,
    });
  });

  it('finishes a correction cut short when it is made again, a batch of leads at a time', async () => {
    const team = await newTeam();
    for (const email of ['a', 'b', 'c', 'd', 'e'])
      await leads.create(team.marketing, { email: `${email}@cut-short.example`, source: 'trade show' });
    // Cut short: the spelling was corrected, two leads were respelt, and one holds yet another case.
    await app.get(TenantDb).inWorkspace(team.workspaceId, async (manager) => {
      await manager.query(`UPDATE lead_spellings SET spelling = 'Trade Show' WHERE key = 'trade show'`);
      await manager.query(
        `UPDATE leads SET source = CASE WHEN email LIKE 'a@%' THEN 'TRADE SHOW' ELSE 'Trade Show' END
          WHERE email SIMILAR TO '(a|b|c)@%'`,
      );
    });
    // The repository's batches: in id order, each after the last one's last id.
    const spelling = { field: 'source', key: 'trade show', spelling: 'Trade Show' } as const;
    const batch = (after: string) =>
      app
        .get(TenantDb)
        .inWorkspace(team.workspaceId, (manager) =>
          app
            .get(LeadSpellingsRepository)
            .respellLeads(manager, spelling, 'trade show', after, 2, clock.current),
        );
    const first = await batch('00000000-0000-0000-0000-000000000000');
    expect(first).toHaveLength(2);
    expect(first).toEqual([...first].sort());
    const second = await batch(first[1]);
    expect(second.length).toBeLessThanOrEqual(1);
    expect(second.every((id) => id > first[1])).toBe(true);

    // Made again: whatever the batches left is respelt, the other case included.
    expect(await values.correct(team.marketing, { field: 'SOURCE', spelling: 'Trade Show' })).toMatchObject({
      previous: 'Trade Show',
    });
    const sources: { source: string }[] = await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) => manager.query(`SELECT DISTINCT source FROM leads`));
    expect(sources).toEqual([{ source: 'Trade Show' }]);
  });

  it('refuses a spelling of a value the workspace does not have, or a bad one, changing nothing', async () => {
    const team = await newTeam();
    await leads.create(team.marketing, {
      email: 'a@refused.example',
      campaign: 'Q3 push',
      industry: 'Retail',
    });
    // Only case may change: another value is not a correction.
    await expect(
      values.correct(team.marketing, { field: 'CAMPAIGN', spelling: 'Q3 Pushed' }),
    ).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
      message: expect.stringContaining('campaign “Q3 Pushed”'),
    });
    // A value is a field's: the industry is not a source.
    await expect(
      values.correct(team.marketing, { field: 'SOURCE', spelling: 'RETAIL' }),
    ).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    await expect(values.correct(team.marketing, { field: 'CAMPAIGN', spelling: '  ' })).rejects.toMatchObject(
      {
        code: ErrorCode.BAD_USER_INPUT,
        fields: [{ field: 'spelling', message: 'must not be empty' }],
      },
    );
    await expect(
      values.correct(team.marketing, { field: 'INDUSTRY', spelling: 'R'.repeat(101) }),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    // Another workspace's values are not this one's to list or correct.
    const other = await newTeam();
    expect(await values.list(other.marketing, 'CAMPAIGN')).toEqual({
      field: 'CAMPAIGN',
      total: 0,
      values: [],
    });
    await expect(
      values.correct(other.marketing, { field: 'CAMPAIGN', spelling: 'Q3 Push' }),
    ).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect((await values.list(team.marketing, 'CAMPAIGN')).values).toEqual([
      { spelling: 'Q3 push', leads: 1 },
    ]);
  });

  it('waits for a write in flight, and corrects the leads it stored too', async () => {
    // One connection: the embedded server runs transactions one after the other, so none waits on another's.
    if (database.embedded) return;
    const team = await newTeam();
    await leads.create(team.marketing, { email: 'first@in-flight.example', source: 'podcast' });
    // A writer holds the scoring lock, as every writer of leads does, and has stored a lead it has not committed.
    const writer = await heldOpen(app.get(TenantDb), team.workspaceId, [
      SHARED_SCORING_LOCK,
      `INSERT INTO leads (workspace_id, id, email, source)
       VALUES (accord_current_workspace(), gen_random_uuid(), 'late@in-flight.example', 'podcast')`,
    ]);
    const corrected = values.correct(team.marketing, { field: 'SOURCE', spelling: 'Podcast' });
    await untilLockWaits(app.get(OwnerDb), team.workspaceId, 'advisory');
    await writer.release();
    expect(await corrected).toMatchObject({ previous: 'podcast', leads: 2 });
  });

  it("gives way to a dry run that holds the scoring lock, without holding the workspace's writers back", async () => {
    if (database.embedded) return;
    const team = await newTeam();
    await leads.create(team.marketing, { email: 'first@dry-run.example', source: 'webinar' });
    const dryRun = await heldOpen(app.get(TenantDb), team.workspaceId, [SHARED_SCORING_LOCK]);
    const corrected = values.correct(team.marketing, { field: 'SOURCE', spelling: 'Webinar' });
    // Settled now, read below: the correction gives way while the writer below is still waiting.
    const refusal = corrected.then(
      () => null,
      (error: unknown) => error,
    );
    await untilLockWaits(app.get(OwnerDb), team.workspaceId, 'advisory');
    // A writer that asks for the lock behind the waiting correction goes on once the correction gives way.
    await expect(
      leads.create(team.marketing, { email: 'second@dry-run.example', source: 'webinar' }),
    ).resolves.toMatchObject({ source: 'webinar' });
    expect(await refusal).toMatchObject({
      code: ErrorCode.CONFLICT,
      message: expect.stringContaining(
        'The source was not corrected: make the correction again once it has finished.',
      ),
    });
    expect((await values.list(team.marketing, 'SOURCE')).values).toEqual([{ spelling: 'webinar', leads: 2 }]);

    await dryRun.release();
    expect(await values.correct(team.marketing, { field: 'SOURCE', spelling: 'Webinar' })).toMatchObject({
      previous: 'webinar',
      leads: 2,
    });
  });

  it('keeps the spelling, and says how far it got, when a long transaction holds leads it would respell', async () => {
    if (database.embedded) return;
    const team = await newTeam();
    await leads.create(team.marketing, { email: 'a@held.example', campaign: 'spring launch' });
    await leads.create(team.marketing, { email: 'b@held.example', campaign: 'spring launch' });
    // A long transaction that updated one of the leads, as a dry run begun just after the spelling changed would:
    // it holds that lead until it ends. (Not the scoring lock, taken in shared mode as the batches take it too.)
    const dryRun = await heldOpen(app.get(TenantDb), team.workspaceId, [
      `UPDATE leads SET title = 'CTO' WHERE email = 'b@held.example'`,
    ]);
    await expect(
      values.correct(team.marketing, { field: 'CAMPAIGN', spelling: 'Spring Launch' }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: expect.stringMatching(
        /^“Spring Launch” is now the spelling, and 0 leads were respelt; others are held/,
      ),
    });
    // The spelling stands: a lead written now takes it.
    expect(
      await leads.create(team.marketing, { email: 'c@held.example', campaign: 'SPRING LAUNCH' }),
    ).toMatchObject({ campaign: 'Spring Launch' });

    await dryRun.release();
    expect(
      await values.correct(team.marketing, { field: 'CAMPAIGN', spelling: 'Spring Launch' }),
    ).toMatchObject({
      previous: 'Spring Launch',
      leads: 2,
    });
    expect((await values.list(team.marketing, 'CAMPAIGN')).values).toEqual([
      { spelling: 'Spring Launch', leads: 3 },
    ]);
  });
});

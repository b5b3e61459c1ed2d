import { AgreementDocument } from './document';
import { starterAgreement } from './starter';
import { canonicalDocument, parseAgreementDocument, proposalIssues, unroutableMembers } from './validation';

const TEAM = ['00000000-0000-4000-8000-0000000000a3'];

function starter(): AgreementDocument {
  return structuredClone(starterAgreement(TEAM));
}

function issuesOf(input: unknown) {
  const result = parseAgreementDocument(input);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.issues;
}

describe('parseAgreementDocument', () => {
  it('accepts the starter agreement unchanged', () => {
    const result = parseAgreementDocument(starter());
    expect(result).toEqual({ ok: true, document: starter() });
  });

  it('trims strings and normalises list values per field', () => {
    const document = starter();
    document.fit.criteria[0].label = '  Mid-market  ';
    document.fit.criteria.push({
      key: 'emea',
      label: 'EMEA',
      field: 'country',
      condition: { kind: 'ANY_OF', values: ['de', ' FR ', 'DE'] },
      points: 5,
    });
    document.fit.criteria[10].condition = { kind: 'ANY_OF', values: ['@Gmail.com', 'gmail.com'] };
    const result = parseAgreementDocument(document);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.document.fit.criteria[0].label).toBe('Mid-market');
    expect(result.document.fit.criteria.at(-1)?.condition).toEqual({ kind: 'ANY_OF', values: ['DE', 'FR'] });
    expect(result.document.fit.criteria[10].condition).toEqual({ kind: 'ANY_OF', values: ['gmail.com'] });
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['out of range', 101],
    ['fractional', 2.5],
    ['a string', '10'],
  ])('refuses points that are %s', (_case, points) => {
    const document = starter() as unknown as { fit: { criteria: { points: unknown }[] } };
    document.fit.criteria[1].points = points;
    expect(issuesOf(document)).toEqual([expect.objectContaining({ path: 'fit.criteria[1].points' })]);
  });

  it('refuses unknown fields, naming them', () => {
    const document = { ...starter(), extra: true };
    expect(issuesOf(document)).toEqual([{ path: '', message: 'has unknown field "extra"' }]);
  });

  it('refuses control characters and over-long text', () => {
    const document = starter();
    document.rejectionReasons[0].label = 'Not\u0000ready';
    document.kpis[0].name = 'x'.repeat(121);
    expect(issuesOf(document)).toEqual([
      { path: 'rejectionReasons[0].label', message: 'must not contain control characters' },
      { path: 'kpis[0].name', message: 'must be at most 120 characters' },
    ]);
  });

  it('requires grade and temperature thresholds in order, naming the problem on both fields of a pair', () => {
    const document = starter();
    document.fit.grades = { A: 50, B: 50, C: 60 };
    document.intent.temperature = { warm: 70, hot: 60 };
    expect(issuesOf(document)).toEqual([
      { path: 'fit.grades.A', message: 'must be above B (50)' },
      { path: 'fit.grades.B', message: 'must be below A (50)' },
      { path: 'fit.grades.B', message: 'must be above C (60)' },
      { path: 'fit.grades.C', message: 'must be below B (50)' },
      { path: 'intent.temperature.hot', message: 'must be above WARM (70)' },
      { path: 'intent.temperature.warm', message: 'must be below HOT (60)' },
    ]);
  });

  it('shows an out-of-order grade on the grade just raised, not only on the one above it', () => {
    const document = starter();
    document.fit.grades = { A: 80, B: 90, C: 35 };
    expect(issuesOf(document)).toEqual([
      { path: 'fit.grades.A', message: 'must be above B (90)' },
      { path: 'fit.grades.B', message: 'must be below A (80)' },
    ]);
  });

  it('lists the problems between fields alongside the problems of single fields, in one pass', () => {
    const document = starter();
    document.kpis[0].target = { value: 1e300, period: 'MONTH' };
    document.kpis[1].key = document.kpis[0].key;
    document.rejectionReasons[1].label = '';
    document.fit.grades = { A: 80, B: 90, C: -5 };
    expect(issuesOf(document)).toEqual([
      { path: 'fit.grades.C', message: 'must be at least 0' },
      { path: 'rejectionReasons[1].label', message: 'must not be empty' },
      { path: 'kpis[0].target.value', message: 'must be at most 1,000,000,000,000' },
      { path: 'fit.grades.A', message: 'must be above B (90)' },
      { path: 'fit.grades.B', message: 'must be below A (80)' },
      { path: 'kpis[1]', message: `repeats the key "${document.kpis[0].key}" of KPI 1` },
    ]);
  });

  it('still checks the readable items of a list that holds an unreadable one', () => {
    const document = starter() as unknown as { fit: { criteria: unknown[] } };
    const [first] = starter().fit.criteria;
    document.fit.criteria.push('not a criterion', { ...first, points: 'many' });
    expect(issuesOf(document)).toEqual([
      { path: 'fit.criteria[12]', message: 'must be an object' },
      { path: 'fit.criteria[13].points', message: 'must be a finite number' },
      { path: 'fit.criteria[13]', message: `repeats the key "${first.key}" of criterion 1` },
    ]);
  });

  it('takes half-lives in whole days, as signals age', () => {
    const document = starter();
    document.intent.signals[0].halfLifeDays = 1.5;
    expect(issuesOf(document)).toEqual([
      { path: 'intent.signals[0].halfLifeDays', message: 'must be a whole number' },
    ]);
  });

  it('says once that an SLA must be more than 0, however far below it is', () => {
    const document = starter();
    document.handover.slaHours.WARM = -1;
    expect(issuesOf(document)).toEqual([{ path: 'handover.slaHours.WARM', message: 'must be more than 0' }]);
  });

  it('quotes a repeated label as the member typed it', () => {
    const document = starter();
    document.rejectionReasons.push({
      ...document.rejectionReasons[0],
      key: 'other',
      label: 'NOT READY TO BUY',
    });
    document.rejectionReasons[0].label = 'Not ready to buy';
    expect(issuesOf(document)).toEqual([
      { path: 'rejectionReasons[5]', message: 'repeats the label "NOT READY TO BUY" of reason 1' },
    ]);
  });

  it('takes a label with its spaces doubled for the same label, naming the earlier one as the editor does', () => {
    const document = starter();
    document.rejectionReasons[0].label = 'Not ready to buy';
    const reason = document.rejectionReasons[0];
    document.rejectionReasons.push(
      { ...reason, key: 'other', label: 'Not  ready to buy' },
      { ...reason, key: 'another', label: 'not ready\u00a0to BUY' },
    );
    expect(issuesOf(document)).toEqual([
      { path: 'rejectionReasons[5]', message: 'repeats the label "Not  ready to buy" of reason 1' },
      { path: 'rejectionReasons[6]', message: 'repeats the label "not ready\u00a0to BUY" of reason 1' },
    ]);
  });

  it('asks for a number where a number field was emptied, and says which item a repeated key belongs to', () => {
    const document = starter() as unknown as {
      fit: { grades: { A: number | null }; criteria: { points: number }[] };
      intent: { signals: { weight: number }[] };
      sql: { checklist: { key: string }[] };
    };
    document.fit.grades.A = null;
    document.intent.signals[0].weight = Number.NaN;
    document.sql.checklist[1].key = document.sql.checklist[0].key;
    expect(issuesOf(document)).toEqual([
      { path: 'fit.grades.A', message: 'enter a number' },
      { path: 'intent.signals[0].weight', message: 'enter a number' },
      {
        path: 'sql.checklist[1]',
        message: `repeats the key "${document.sql.checklist[0].key}" of checklist item 1`,
      },
    ]);
  });

  it('refuses duplicate criteria, signal types, reasons and KPIs', () => {
    const document = starter();
    document.fit.criteria.push({ ...document.fit.criteria[0] });
    document.intent.signals.push({ ...document.intent.signals[0] });
    document.rejectionReasons.push({ ...document.rejectionReasons[0], key: 'other' });
    document.kpis.push({ ...document.kpis[0] });
    expect(issuesOf(document).map((issue) => issue.path)).toEqual([
      'fit.criteria[12]',
      'intent.signals[6]',
      'rejectionReasons[5]',
      'kpis[8]',
    ]);
  });

  it('holds a rate KPI’s target to 100 %, and only a rate’s', () => {
    const document = starter();
    document.kpis[5].target = { value: 150, period: 'MONTH' };
    document.kpis.push({
      key: 'close-rate',
      name: 'Close rate',
      definition: 'Opportunities won ÷ opportunities closed.',
      kind: 'OUTCOME',
      target: { value: 100.5, period: 'QUARTER' },
    });
    document.kpis[0].target = { value: 150, period: 'MONTH' };
    expect(issuesOf(document)).toEqual([
      { path: 'kpis[5].target.value', message: 'must be at most 100, as a rate is a percentage' },
      { path: 'kpis[8].target.value', message: 'must be at most 100, as a rate is a percentage' },
    ]);
  });

  it('accepts a rate target of exactly 100, and refuses one below 0 once', () => {
    const document = starter();
    document.kpis[5].target = { value: 100, period: 'MONTH' };
    expect(parseAgreementDocument(document).ok).toBe(true);

    document.kpis[5].target = { value: -1, period: 'MONTH' };
    expect(issuesOf(document)).toEqual([{ path: 'kpis[5].target.value', message: 'must be at least 0' }]);
  });

  it('still holds a rate target to 100 % when another part of the document is refused', () => {
    const document = starter();
    document.kpis[5].target = { value: 120, period: 'MONTH' };
    document.kpis[0].name = '';
    expect(issuesOf(document)).toEqual([
      { path: 'kpis[0].name', message: 'must not be empty' },
      { path: 'kpis[5].target.value', message: 'must be at most 100, as a rate is a percentage' },
    ]);
  });

  it('requires every matrix cell and every SLA', () => {
    const document = starter() as unknown as {
      handover: { matrix: { B: Record<string, string> }; slaHours: Record<string, number> };
    };
    delete document.handover.matrix.B['HOT'];
    document.handover.slaHours['WARM'] = 0;
    expect(issuesOf(document)).toEqual([
      expect.objectContaining({ path: 'handover.matrix.B.HOT' }),
      { path: 'handover.slaHours.WARM', message: 'must be more than 0' },
    ]);
  });

  it('checks conditions against their field', () => {
    const document = starter();
    document.fit.criteria[0].condition = { kind: 'ANY_OF', values: ['big'] };
    document.fit.criteria[1].condition = { kind: 'RANGE', min: 300, max: 200 };
    document.fit.criteria[2].condition = { kind: 'RANGE', min: null, max: null };
    document.fit.criteria[7].condition = { kind: 'ANY_OF', values: ['BOSS'] };
    expect(issuesOf(document)).toEqual([
      { path: 'fit.criteria[0].condition', message: 'employeeCount takes a RANGE condition, not ANY_OF' },
      { path: 'fit.criteria[1].condition.max', message: 'must be above the minimum (300)' },
      { path: 'fit.criteria[2].condition', message: 'a range needs a minimum, a maximum or both' },
      {
        path: 'fit.criteria[7].condition.values[0]',
        message: expect.stringContaining('must be one of C_LEVEL'),
      },
    ]);
  });

  it('keeps activity out of the intent model and ties recycling days to the consequence', () => {
    const document = starter();
    document.intent.signals[0].type = 'EMAIL_SENT';
    document.rejectionReasons[0].recycleAfterDays = null;
    document.rejectionReasons[3].recycleAfterDays = 30;
    document.sql.minimumMet = 5;
    expect(issuesOf(document)).toEqual([
      { path: 'intent.signals[0].type', message: 'EMAIL_SENT is activity, which never counts as intent' },
      { path: 'sql.minimumMet', message: 'cannot exceed the 4 checklist items' },
      {
        path: 'rejectionReasons[0].recycleAfterDays',
        message: 'is required when the reason recycles the lead',
      },
      {
        path: 'rejectionReasons[3].recycleAfterDays',
        message: 'must be empty when the reason disqualifies the lead',
      },
    ]);
  });

  it('refuses a matrix that never hands a lead over and a fit model with nothing positive', () => {
    const document = starter();
    for (const row of Object.values(document.handover.matrix)) {
      row.COLD = 'NURTURE';
      row.WARM = 'NURTURE';
      row.HOT = 'NURTURE';
    }
    document.fit.criteria = document.fit.criteria.filter((criterion) => criterion.points < 0);
    expect(issuesOf(document).map((issue) => issue.path)).toEqual(['fit.criteria', 'handover.matrix']);
  });

  it('refuses a country in two territories', () => {
    const document = starter();
    document.handover.routing = {
      mode: 'TERRITORY',
      territories: [
        { key: 'emea', label: 'EMEA', countries: ['DE', 'GB'], memberIds: TEAM },
        { key: 'uk', label: 'UK', countries: ['gb'], memberIds: TEAM },
      ],
      fallbackMemberIds: TEAM,
    };
    expect(issuesOf(document)).toEqual([
      {
        path: 'handover.routing.territories[1].countries[0]',
        message: 'GB already belongs to territory "emea"',
      },
    ]);
  });

  it('refuses something that is not a document', () => {
    expect(issuesOf(null)).toEqual([{ path: '', message: 'the document must be an object' }]);
    expect(issuesOf([])).toEqual([{ path: '', message: 'the document must be an object' }]);
  });

  it('restores the schema order of a stored document whose keys were reordered', () => {
    const { fit, intent, handover, sql, rejectionReasons, kpis } = starter();
    const reordered = { sql, kpis, rejectionReasons, handover, intent, fit };
    expect(Object.keys(canonicalDocument(reordered))).toEqual(Object.keys(starter()));
  });
});

describe('routing a new workspace', () => {
  const SAM = '00000000-0000-4000-8000-0000000000b1';
  const OLIVIA = '00000000-0000-4000-8000-0000000000c1';

  it('saves a starter with no one to route to yet, but does not propose it', () => {
    const document = starterAgreement([]);

    expect(parseAgreementDocument(document)).toEqual({ ok: true, document });
    expect(proposalIssues(document)).toEqual([
      { path: 'handover.routing.memberIds', message: 'must name at least one sales member before proposing' },
    ]);
    expect(proposalIssues(starter())).toEqual([]);
  });

  it('still refuses a territory or fallback team with no one in it', () => {
    const document = starter();
    document.handover.routing = {
      mode: 'TERRITORY',
      territories: [{ key: 'emea', label: 'EMEA', countries: ['DE'], memberIds: [] }],
      fallbackMemberIds: [],
    };
    expect(issuesOf(document)).toEqual([
      { path: 'handover.routing.territories[0].memberIds', message: 'must not be empty' },
      { path: 'handover.routing.fallbackMemberIds', message: 'must not be empty' },
    ]);
  });

  it('finds every place routing names someone who cannot take leads', () => {
    const document = starter();
    document.handover.routing = {
      mode: 'TERRITORY',
      territories: [{ key: 'emea', label: 'EMEA', countries: ['DE'], memberIds: [SAM, OLIVIA] }],
      fallbackMemberIds: [OLIVIA],
    };
    expect(unroutableMembers(document.handover.routing, (id) => id === SAM)).toEqual([
      { path: 'handover.routing.territories[0].memberIds[1]', memberId: OLIVIA },
      { path: 'handover.routing.fallbackMemberIds[0]', memberId: OLIVIA },
    ]);
    expect(unroutableMembers({ mode: 'ROUND_ROBIN', memberIds: [OLIVIA, SAM] }, (id) => id === SAM)).toEqual([
      { path: 'handover.routing.memberIds[0]', memberId: OLIVIA },
    ]);
  });
});

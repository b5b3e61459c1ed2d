import { IssueIndex } from './document-issues';

const index = new IssueIndex([
  { path: 'fit.grades.A', message: 'must be above B (55)' },
  { path: 'fit.criteria[2].condition.values', message: 'must not be empty' },
  { path: 'fit.criteria[3].condition.values[1]', message: 'must be a two-letter ISO country code' },
  { path: 'fit.criteria[3].condition.values[4]', message: 'must be a two-letter ISO country code' },
  { path: 'fit.criteria[12]', message: 'repeats the key "student" of criterion 12' },
  { path: 'fit.criteria[12].points', message: 'must be at most 100' },
  { path: 'fit.criteria[12].points', message: 'must be a whole number' },
  { path: 'handover.matrix', message: 'at least one cell must be MQL or FAST_TRACK' },
]);

describe('IssueIndex', () => {
  it('gives a control the issues at exactly its path, as one sentence', () => {
    expect([
      index.at('fit.grades.A'),
      index.at('fit.criteria[12].points'),
      index.at('fit.criteria[12]'),
      index.at('fit.grades.B'),
      index.at('fit.criteria[1]'),
    ]).toEqual([
      'Must be above B (55)',
      'Must be at most 100. Must be a whole number',
      'Repeats the key "student" of criterion 12',
      null,
      null,
    ]);
  });

  it('gives a list of values its own issues and each value’s, by position', () => {
    expect([
      index.forValues('fit.criteria[2].condition.values'),
      index.forValues('fit.criteria[3].condition.values'),
      index.forValues('fit.criteria[4].condition.values'),
    ]).toEqual([
      'Must not be empty',
      'Value 2: must be a two-letter ISO country code. Value 5: must be a two-letter ISO country code',
      null,
    ]);
  });

  it('counts the issues inside a section, without mistaking a longer name for a child', () => {
    const counted = new IssueIndex([
      { path: 'fit.criteria[1].points', message: 'x' },
      { path: 'fit.grades.A', message: 'x' },
      { path: 'handover.slaHours.HOT', message: 'x' },
      { path: 'handover.routing.memberIds[0]', message: 'x' },
      { path: 'kpis', message: 'x' },
      { path: 'kpisExtra', message: 'x' },
    ]);

    expect([
      counted.count('fit'),
      counted.count('fit.criteria'),
      counted.count('handover.matrix', 'handover.slaHours'),
      counted.count('handover.routing'),
      counted.count('kpis'),
      counted.count(''),
    ]).toEqual([2, 1, 1, 1, 1, 6]);
  });
});

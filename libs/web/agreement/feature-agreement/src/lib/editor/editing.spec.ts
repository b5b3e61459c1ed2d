import { starter } from '../../testing/fixtures';
import { dateInputValue, emptyCondition, instantOfDate, unusedKey, withField } from './editing';
import { switchRouting } from './routing-section.component';

describe('withField', () => {
  it('keeps the condition when the new field takes the same kind, else starts an empty one', () => {
    const industry = starter().fit.criteria[4];

    expect(withField(industry, 'country').condition).toEqual(industry.condition);
    expect(withField(industry, 'employeeCount').condition).toEqual({ kind: 'RANGE', min: null, max: null });
    expect(withField(industry, 'title').condition).toEqual({ kind: 'CONTAINS_ANY', keywords: [] });
    expect(withField(industry, 'budgetAuthority').condition).toEqual(emptyCondition('IS'));
  });
});

describe('unusedKey', () => {
  it('numbers past the keys already taken', () => {
    expect(unusedKey('kpi', [{ key: 'kpi-3' }, { key: 'x' }, { key: 'kpi-4' }])).toBe('kpi-5');
    expect(unusedKey('kpi', [])).toBe('kpi-1');
  });
});

describe('switchRouting', () => {
  it('keeps the team when switching to territories and back', () => {
    const territories = switchRouting({ mode: 'ROUND_ROBIN', memberIds: ['a', 'b'] }, 'TERRITORY');

    expect(territories).toEqual({
      mode: 'TERRITORY',
      territories: [{ key: 'territory-1', label: '', countries: [], memberIds: ['a', 'b'] }],
      fallbackMemberIds: ['a', 'b'],
    });
    expect(
      switchRouting(
        {
          mode: 'TERRITORY',
          territories: [{ key: 'emea', label: 'EMEA', countries: ['DE'], memberIds: ['c'] }],
          fallbackMemberIds: ['a', 'c'],
        },
        'ROUND_ROBIN',
      ),
    ).toEqual({ mode: 'ROUND_ROBIN', memberIds: ['c', 'a'] });
  });
});

describe('date inputs', () => {
  it('turn a day into its local midnight and back', () => {
    const instant = instantOfDate('2026-04-01');

    expect(instant).not.toBeNull();
    expect(dateInputValue(instant)).toBe('2026-04-01');
    expect([instantOfDate(''), dateInputValue(null)]).toEqual([null, '']);
  });
});

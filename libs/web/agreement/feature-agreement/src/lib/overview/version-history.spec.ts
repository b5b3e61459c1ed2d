import { pickForComparison } from './version-history.component';

describe('pickForComparison', () => {
  it('keeps the two latest picks and forgets an unpicked one', () => {
    expect(pickForComparison([], 'a', true)).toEqual(['a']);
    expect(pickForComparison(['a', 'b'], 'c', true)).toEqual(['b', 'c']);
    expect(pickForComparison(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(pickForComparison(['a'], 'a', true)).toEqual(['a']);
  });
});

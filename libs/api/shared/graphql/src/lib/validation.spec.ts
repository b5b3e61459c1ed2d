import { nulCharacterPath } from './validation';

describe('nulCharacterPath', () => {
  it('names the first string holding a NUL, through objects and arrays', () => {
    expect(
      nulCharacterPath({ id: 'a', answers: [{ note: 'fine' }, { key: 'budget', note: 'x\u0000y' }] }),
    ).toBe('answers[1].note');
    expect(nulCharacterPath('\u0000', 'name')).toBe('name');
  });

  it('finds nothing in clean input, other control characters included', () => {
    expect(nulCharacterPath({ note: 'line\nbreak\ttab', tags: ['a'], count: 2, none: null })).toBeNull();
  });
});

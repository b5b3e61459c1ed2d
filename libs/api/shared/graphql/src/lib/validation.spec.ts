import { stringPath, unstorableString } from './validation';

const hasNul = (text: string) => text.includes('\u0000');

describe('stringPath', () => {
  it('names the first string picked, through objects and arrays', () => {
    expect(
      stringPath({ id: 'a', answers: [{ note: 'fine' }, { key: 'budget', note: 'x\u0000y' }] }, hasNul),
    ).toBe('answers[1].note');
    expect(stringPath('\u0000', hasNul, 'name')).toBe('name');
  });

  it('finds nothing in clean input, other control characters included', () => {
    expect(stringPath({ note: 'line\nbreak\ttab', tags: ['a'], count: 2, none: null }, hasNul)).toBeNull();
  });
});

describe('unstorableString', () => {
  it('refuses a NUL, unless the domain checks it, and half a surrogate pair always', () => {
    expect(unstorableString({ note: 'x\u0000' })).toEqual({
      field: 'note',
      message: 'must not contain a NUL character (U+0000)',
    });
    expect(unstorableString({ note: 'x\u0000' }, '', true)).toBeNull();
    expect(unstorableString({ labels: ['ok', 'cut \ud83d'] }, '', true)).toEqual({
      field: 'labels[1]',
      message: 'must be well-formed Unicode (it holds half of a surrogate pair)',
    });
  });

  it('takes whole emoji and other scripts', () => {
    expect(unstorableString({ note: 'Grüße 👋 你好', name: 'İstanbul' })).toBeNull();
  });
});

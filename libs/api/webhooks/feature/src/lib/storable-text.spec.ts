import { storableText } from './storable-text';

describe('storableText', () => {
  it('replaces NUL and the other control characters, keeping tabs and line breaks', () => {
    expect(storableText('bad\0gateway\x1b[0m\x07\x7f\x85\r\nnext\rlast\tcell')).toBe(
      'bad\uFFFDgateway\uFFFD[0m\uFFFD\uFFFD\uFFFD\nnext\nlast\tcell',
    );
  });

  it('replaces a surrogate without its pair, as a cut excerpt leaves it, and keeps a paired one', () => {
    const cut = `${'x'.repeat(3)}\u{1F600}`.slice(0, 4);
    expect([storableText(cut), storableText('\uDE00 and \u{1F600}')]).toEqual([
      'xxx\uFFFD',
      '\uFFFD and \u{1F600}',
    ]);
  });

  it('leaves ordinary text, accents and emoji included, as it is', () => {
    const text = 'HTTP 503: Service indisponible — réessayez 🙏';
    expect(storableText(text)).toBe(text);
  });
});

import { emailDomainOf } from './lead';

describe('emailDomainOf', () => {
  it('lower-cases the part after the @', () => {
    expect(emailDomainOf('Jo.Smith@Gmail.COM')).toBe('gmail.com');
  });

  it('takes the part after the last @, as a quoted local part may hold one', () => {
    expect(emailDomainOf('"jo@home"@acme.io')).toBe('acme.io');
  });

  it('ignores white space around the address', () => {
    expect(emailDomainOf('  jo@acme.io \n')).toBe('acme.io');
  });

  it.each([
    ['no address', null],
    ['no @', 'jo.acme.io'],
    ['nothing after the @', 'jo@'],
    ['only white space after the @', 'jo@   '],
  ])('is null for %s', (_case, email) => {
    expect(emailDomainOf(email)).toBeNull();
  });
});

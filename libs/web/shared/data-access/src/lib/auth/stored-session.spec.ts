import { parseStoredSession } from './stored-session';

const now = new Date('2026-03-01T12:00:00.000Z');

describe('parseStoredSession', () => {
  it('returns a session that has not expired', () => {
    const raw = JSON.stringify({ accessToken: 'token-1', expiresAt: '2026-03-01T13:00:00.000Z' });

    expect(parseStoredSession(raw, now)).toEqual({
      accessToken: 'token-1',
      expiresAt: '2026-03-01T13:00:00.000Z',
    });
  });

  it('drops a session that expires now or earlier', () => {
    const raw = JSON.stringify({ accessToken: 'token-1', expiresAt: '2026-03-01T12:00:00.000Z' });

    expect(parseStoredSession(raw, now)).toBeNull();
  });

  it.each([
    null,
    '',
    'not json',
    '42',
    '{}',
    '{"accessToken":"","expiresAt":"2030-01-01T00:00:00Z"}',
    '{"accessToken":"t","expiresAt":"soon"}',
  ])('drops %p', (raw) => {
    expect(parseStoredSession(raw, now)).toBeNull();
  });
});

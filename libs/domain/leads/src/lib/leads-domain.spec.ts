import { parseLeadFields } from './lead-input';
import { parseSignalEvent } from './signal-input';
import { addToSummary, summarySignals } from './signal-summary';
import { stageAfterEvaluation } from './stages';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('parseLeadFields', () => {
  it('normalises e-mail, country, technologies and derives the company domain', () => {
    const result = parseLeadFields({
      email: ' Ana@Acme.IO ',
      country: 'de',
      technologies: ['HubSpot', 'hubspot', ' Slack '],
    });
    expect(result).toMatchObject({
      ok: true,
      lead: {
        email: 'ana@acme.io',
        country: 'DE',
        technologies: ['HubSpot', 'Slack'],
        companyDomain: 'acme.io',
        title: null,
      },
    });
  });

  it('keeps an internationalised company domain in its ASCII form, given or taken from the e-mail', () => {
    const munich = 'xn--mnchen-3ya.de';
    for (const companyDomain of ['München.de', 'xn--mnchen-3ya.de', 'münchen。de'])
      expect(parseLeadFields({ email: 'a@b.co', companyDomain })).toMatchObject({
        ok: true,
        lead: { companyDomain: munich },
      });
    expect(parseLeadFields({ email: 'jörg@münchen.de' })).toMatchObject({
      ok: true,
      lead: { companyDomain: munich },
    });
    const event = {
      externalId: 'evt-1',
      type: 'PRICING_PAGE_VISIT',
      occurredAt: '2026-11-24T10:00:00Z',
      lead: { companyDomain: 'MÜNCHEN.de' },
    };
    expect(parseSignalEvent(event, NOW)).toMatchObject({
      ok: true,
      signal: { lead: { companyDomain: munich } },
    });
    for (const companyDomain of ['acme', '1.2.3.4', 'acme.com/about', 'a b.com', 'ex%61mple.com'])
      expect(parseLeadFields({ email: 'a@b.co', companyDomain })).toEqual({
        ok: false,
        issues: [{ path: 'companyDomain', message: 'must be a domain such as example.com' }],
      });
  });

  it('does not take a personal mailbox for a company', () => {
    expect(parseLeadFields({ email: 'bob@gmail.com' })).toMatchObject({
      ok: true,
      lead: { companyDomain: null },
    });
  });

  it.each([
    ['an unknown field', { email: 'a@b.co', shoeSize: 44 }, '', 'has unknown field "shoeSize"'],
    ['a NUL byte', { email: 'a@b.co', title: 'VP\u0000' }, 'title', 'must not contain control characters'],
    [
      'a very long string',
      { email: 'a@b.co', companyName: 'x'.repeat(201) },
      'companyName',
      'must be at most 200 characters',
    ],
    [
      'an e-mail too long once in lower case',
      { email: `${'İ'.repeat(240)}@example.com` },
      'email',
      'must be at most 254 characters',
    ],
    ['a negative count', { email: 'a@b.co', employeeCount: -1 }, 'employeeCount', 'must be at least 0'],
    [
      'a non-finite revenue',
      { email: 'a@b.co', annualRevenue: Number.POSITIVE_INFINITY },
      'annualRevenue',
      'must be a finite number',
    ],
    ['a wrong type', { email: 'a@b.co', budgetAuthority: 'yes' }, 'budgetAuthority', 'must be true or false'],
    ['a bad e-mail', { email: 'not-an-email' }, 'email', 'must be an e-mail address'],
    [
      'a country code ISO reserves',
      { email: 'a@b.co', country: 'ZZ' },
      'country',
      'must be a two-letter ISO country code',
    ],
    [
      'a country code ISO never assigned',
      { email: 'a@b.co', country: 'xx' },
      'country',
      'must be a two-letter ISO country code',
    ],
    [
      'a country by its name',
      { email: 'a@b.co', country: 'Germany' },
      'country',
      'must be a two-letter ISO country code',
    ],
    [
      'a withdrawn country code',
      { email: 'a@b.co', country: 'UK' },
      'country',
      'must be a two-letter ISO country code',
    ],
    [
      'half of a surrogate pair',
      { email: 'a@b.co', title: 'VP \ud800' },
      'title',
      'must be well-formed Unicode (it holds half of a surrogate pair)',
    ],
  ])('refuses %s, naming the field', (_case, input, path, message) => {
    expect(parseLeadFields(input)).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it('takes every assigned country code, the newest included', () => {
    for (const country of ['US', 'GB', 'SS', 'CW', 'AX', 'PS']) {
      expect(parseLeadFields({ email: 'a@b.co', country })).toMatchObject({ ok: true, lead: { country } });
    }
  });

  it('keeps emoji and accents', () => {
    expect(parseLeadFields({ email: 'a@b.co', companyName: 'Café 🚀' })).toMatchObject({
      ok: true,
      lead: { companyName: 'Café 🚀' },
    });
  });
});

describe('parseSignalEvent', () => {
  const valid = {
    externalId: 'evt-1',
    type: 'PRICING_PAGE_VISIT',
    occurredAt: '2026-11-24T10:00:00Z',
    lead: { email: 'A@b.co' },
  };

  it('accepts a valid event and lower-cases the e-mail it refers to', () => {
    expect(parseSignalEvent(valid, NOW)).toEqual({
      ok: true,
      signal: {
        externalId: 'evt-1',
        type: 'PRICING_PAGE_VISIT',
        occurredAt: new Date('2026-11-24T10:00:00Z'),
        lead: { email: 'a@b.co' },
        source: null,
      },
    });
  });

  it.each([
    ['a date that does not exist', '2026-02-30T10:00:00Z', 'is not a real date and time'],
    [
      'a date without a time zone',
      '2026-11-24T10:00:00',
      'must be an ISO 8601 date-time with a time zone, such as 2026-11-25T09:00:00Z',
    ],
    ['a date centuries ago', '1726-11-24T10:00:00Z', 'must not be before 2000-01-01'],
    ['a date far in the future', '2126-11-24T10:00:00Z', 'must not be more than a day in the future'],
    [
      'a space for the T, once',
      '2026-11-24 10:00:00Z',
      'must be an ISO 8601 date-time with a time zone, such as 2026-11-25T09:00:00Z',
    ],
    ['hour 24 rather than rolling it to the next day', '2026-11-24T24:00:00Z', 'is not a real date and time'],
    ['minute 60', '2026-11-24T10:60:00Z', 'is not a real date and time'],
    ['an offset of 24 hours', '2026-11-24T10:00:00+24:00', 'is not a real date and time'],
    ['month 13', '2026-13-01T10:00:00Z', 'is not a real date and time'],
    ['a number', 1764000000000, 'must be an ISO 8601 date-time such as 2026-11-25T09:00:00Z'],
  ])('refuses %s', (_case, occurredAt, message) => {
    expect(parseSignalEvent({ ...valid, occurredAt }, NOW)).toEqual({
      ok: false,
      issues: [{ path: 'occurredAt', message }],
    });
  });

  it.each([
    ['lower-case t and z (RFC 3339 allows them)', '2026-11-24t10:00:00z', '2026-11-24T10:00:00.000Z'],
    ['an offset', '2026-11-24T11:30:00+01:30', '2026-11-24T10:00:00.000Z'],
    ['no seconds', '2026-11-24T10:00Z', '2026-11-24T10:00:00.000Z'],
    ['29 February of a leap year', '2024-02-29T10:00:00Z', '2024-02-29T10:00:00.000Z'],
  ])('reads %s', (_case, occurredAt, instant) => {
    expect(parseSignalEvent({ ...valid, occurredAt }, NOW)).toMatchObject({
      ok: true,
      signal: { occurredAt: new Date(instant) },
    });
  });

  it.each([
    ['a type that is not text', { type: 5 }, 'type', 'must be a type name such as PRICING_PAGE_VISIT'],
    ['a type too long, by its limit', { type: 'A'.repeat(10_000) }, 'type', 'must be at most 50 characters'],
    [
      'a lower-case type',
      { type: 'pricing' },
      'type',
      'must be an upper-case type name such as PRICING_PAGE_VISIT',
    ],
    ['an unknown field, by its name', { campaign: 'x' }, 'campaign', 'is not a known field'],
    [
      'an unknown field of the lead',
      { lead: { email: 'a@b.co', phone: '1' } },
      'lead.phone',
      'is not a known field',
    ],
    [
      'an id with half of a surrogate pair',
      { externalId: 'h1-sur\ud800' },
      'externalId',
      'must be well-formed Unicode (it holds half of a surrogate pair)',
    ],
    [
      'an id holding U+FFFD, which bytes that are not UTF-8 read as',
      { externalId: 'h1-iu\ufffd\ufffd' },
      'externalId',
      'holds U+FFFD (\ufffd), what bytes that are not UTF-8 read as: send the text as UTF-8',
    ],
    [
      'a source holding U+FFFD',
      { source: 'web\ufffd' },
      'source',
      'holds U+FFFD (\ufffd), what bytes that are not UTF-8 read as: send the text as UTF-8',
    ],
    [
      "a lead's e-mail with half of a surrogate pair",
      { lead: { email: 'a\udfff@b.co' } },
      'lead.email',
      'must be well-formed Unicode (it holds half of a surrogate pair)',
    ],
    [
      "a lead's domain holding U+FFFD",
      { lead: { companyDomain: 'b\ufffd.co' } },
      'lead.companyDomain',
      'holds U+FFFD (\ufffd), what bytes that are not UTF-8 read as: send the text as UTF-8',
    ],
  ])('refuses %s, with one problem naming the field', (_case, change, path, message) => {
    expect(parseSignalEvent({ ...valid, ...change }, NOW)).toEqual({
      ok: false,
      issues: [{ path, message }],
    });
  });

  it('keeps a whole surrogate pair: an emoji is well-formed', () => {
    expect(parseSignalEvent({ ...valid, externalId: 'evt-🚀' }, NOW)).toMatchObject({
      ok: true,
      signal: { externalId: 'evt-🚀' },
    });
  });

  it('needs something to find the lead by', () => {
    expect(parseSignalEvent({ ...valid, lead: {} }, NOW)).toEqual({
      ok: false,
      issues: [{ path: 'lead', message: 'needs an id, an email or a companyDomain' }],
    });
  });
});

describe('signal summary', () => {
  it('keeps times newest first, whatever order they arrive in', () => {
    let summary = addToSummary({}, 'DEMO_REQUEST', 2);
    summary = addToSummary(summary, 'DEMO_REQUEST', 5);
    summary = addToSummary(summary, 'DEMO_REQUEST', 1);
    summary = addToSummary(summary, 'EMAIL_SENT', 3);
    expect(summary).toEqual({ DEMO_REQUEST: [5, 2, 1], EMAIL_SENT: [3] });
    expect(summarySignals(summary)).toHaveLength(4);
  });

  it('keeps no more times than the largest cap', () => {
    let summary = {};
    for (let time = 0; time < 1005; time++) summary = addToSummary(summary, 'EMAIL_CLICK', time);
    expect((summary as Record<string, number[]>)['EMAIL_CLICK']).toHaveLength(1000);
  });
});

describe('stageAfterEvaluation', () => {
  it('moves a new lead to MQL or NURTURE, and a nurtured one to MQL once eligible', () => {
    expect(stageAfterEvaluation('LEAD', 'FAST_TRACK', null, NOW)).toBe('MQL');
    expect(stageAfterEvaluation('LEAD', 'NURTURE', null, NOW)).toBe('NURTURE');
    expect(stageAfterEvaluation('NURTURE', 'MQL', null, NOW)).toBe('MQL');
    expect(stageAfterEvaluation('NURTURE', 'MQL', new Date('2026-12-01T00:00:00Z'), NOW)).toBeNull();
    expect(stageAfterEvaluation('NURTURE', 'NURTURE', null, NOW)).toBeNull();
  });

  it('leaves leads sales own where they are', () => {
    expect(stageAfterEvaluation('MQL', 'NURTURE', null, NOW)).toBeNull();
    expect(stageAfterEvaluation('SQL', 'MQL', null, NOW)).toBeNull();
  });
});

import { ACTIVITY_SIGNAL_TYPES, SENIORITY_LABELS, STANDARD_SIGNAL_TYPES } from '@accord/domain/agreement';
import { LIFECYCLE_STAGE_LABELS } from '@accord/domain/leads';

import { cleanAmount, cleanCurrency, cleanEmployeeCount } from './amounts';
import { cleanCountry, cleanDomain, cleanEmail, cleanText } from './cleaners';
import { cleanDate } from './dates';
import { IMPORT_KINDS } from './fields';
import { headerProblems, mappingFromProposal, mappingProblems, proposeMapping } from './mapping';
import {
  REFUSED_BECAUSE,
  csvCell,
  isReportFooter,
  refusedRowsCsv,
  reportCsvLine,
  unmarkedCell,
} from './report';
import { RowPreparer, UNKNOWN_LOST_REASON } from './rows';
import { closestKey, companyKey, editDistance, normaliseKey } from './text';
import { enumValueLabel, mapEnumValue, unmappedValues } from './values';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('text', () => {
  it('compares headers without case, accents or punctuation', () => {
    expect(normaliseKey(' Société-Name ')).toBe('societename');
    expect(normaliseKey('E-Mail Address')).toBe('emailaddress');
  });

  it('keeps the letters and digits of every script, folding only case, accents, spacing and punctuation', () => {
    expect(normaliseKey('Закрыта – выиграна')).toBe('закрытавыиграна');
    expect(normaliseKey('Закрыта – проиграна')).not.toBe(normaliseKey('Закрыта – выиграна'));
    expect(normaliseKey('ЗАКРЫТА-ВЫИГРАНА')).toBe(normaliseKey('Закрыта – выиграна'));
    expect(normaliseKey('Ёлка')).toBe(normaliseKey('елка'));
    expect(normaliseKey('Κλειστή – Κερδισμένη')).toBe('κλειστηκερδισμενη');
    expect(normaliseKey('ΚΛΕΙΣΤΗ ΚΕΡΔΙΣΜΕΝΗΣ')).toBe(normaliseKey('κλειστή κερδισμένης'));
    expect(normaliseKey('成交（赢单）')).toBe('成交赢单');
    expect(normaliseKey('成交')).not.toBe(normaliseKey('丢单'));
    expect(normaliseKey('受注')).not.toBe(normaliseKey('失注'));
    expect(normaliseKey('ガス')).not.toBe(normaliseKey('カス'));
    expect(normaliseKey('Ｗｏｎ　２')).toBe('won2');
    expect(normaliseKey('Négociation')).toBe(normaliseKey('negociation'));
    expect(normaliseKey('Straße')).toBe('strasse');
    expect(normaliseKey(' – / … ')).toBe('');
  });

  it('counts an adjacent swap as one edit and stops early', () => {
    expect(editDistance('stage', 'stgae')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });

  it('takes the one close candidate, refuses short words and ties', () => {
    expect(closestKey('compnay', ['company', 'country'])).toBe('company');
    expect(closestKey('won', ['won', 'wan'])).toBeNull();
    expect(closestKey('cart', ['carts', 'carte'])).toBeNull();
  });

  it('keys companies named slightly differently as one', () => {
    expect(companyKey('ACME, Inc.')).toBe('acme');
    expect(companyKey('Acme Inc')).toBe('acme');
    expect(companyKey('The Acme Company')).toBe('acme');
    expect(companyKey('Müller & Söhne GmbH')).toBe('mullerandsohne');
    expect(companyKey('Ромашка, GmbH')).toBe('ромашка');
    expect(companyKey('Ромашка')).not.toBe(companyKey('Лютик'));
    expect(companyKey('株式会社 東芝')).not.toBe(companyKey('株式会社 日立'));
  });
});

describe('mapping', () => {
  it('proposes fields from a CRM header: exact, synonyms, accents and typos', () => {
    const proposals = proposeMapping('LEADS', [
      'Email Address',
      'Prénom',
      'Last Name',
      'Company',
      'Website',
      'Nb employés',
      'Contry',
      'Notes',
    ]);
    expect(proposals.map((item) => [item.field, item.confidence])).toEqual([
      ['email', 'SYNONYM'],
      ['firstName', 'SYNONYM'],
      ['lastName', 'EXACT'],
      ['companyName', 'EXACT'],
      ['companyDomain', 'SYNONYM'],
      ['employeeCount', 'SYNONYM'],
      ['country', 'FUZZY'],
      [null, 'NONE'],
    ]);
  });

  it("proposes the headers of HubSpot's, Salesforce's and Pipedrive's exports", () => {
    const fieldsOf = (kind: 'LEADS' | 'OPPORTUNITIES', headers: string[]) =>
      proposeMapping(kind, headers).map((item) => item.field);
    expect(
      fieldsOf('LEADS', [
        'Email',
        'Country/Region',
        'Website URL',
        'Associated Company',
        'Contact owner',
        'Erstellt am',
      ]),
    ).toEqual(['email', 'country', 'companyDomain', 'companyName', 'owner', 'createdAt']);
    expect(fieldsOf('LEADS', ['Email', 'Company / Account', 'Company Domain Name'])).toEqual([
      'email',
      'companyName',
      'companyDomain',
    ]);
    expect(
      fieldsOf('OPPORTUNITIES', [
        'Deal - ID',
        'Deal - Title',
        'Deal - Value',
        'Deal - Currency',
        'Organization - Name',
        'Person - Email',
        'Deal - Owner',
        'Deal - Stage',
        'Deal - Deal created',
        'Deal - Lost reason',
      ]),
    ).toEqual([
      'externalId',
      'name',
      'amount',
      'currency',
      'accountName',
      'leadEmail',
      'owner',
      'stage',
      'createdAt',
      'lostReason',
    ]);
  });

  it('maps each field from one column only: the leftmost wins', () => {
    const proposals = proposeMapping('LEADS', ['E-mail', 'Email']);
    expect(proposals.map((item) => item.field)).toEqual(['email', null]);
  });

  it('says what a mapping misses or gets wrong', () => {
    const mapping = mappingFromProposal(proposeMapping('OPPORTUNITIES', ['Deal Name', 'Amount', 'Amount']));
    mapping.columns[2] = 'amount';
    mapping.values = { stage: { Signed: 'DONE' } };
    expect(mappingProblems('OPPORTUNITIES', mapping, 3)).toEqual([
      { field: 'columns', message: '"amount" is mapped from two columns' },
      { field: 'columns', message: 'map a column to Opportunity id: every row needs it' },
      {
        field: 'columns',
        message: 'map a column to Lead e-mail or Account domain or Account name: every row needs it',
      },
      { field: 'columns', message: 'map a column to Stage: every row needs it' },
      {
        field: 'values.stage',
        message:
          '"Signed" → "DONE": must be one of DISCOVERY, DEMO, PROOF_OF_CONCEPT, NEGOTIATION, WON, LOST',
      },
    ]);
  });
});

describe('control characters in a header or a mapping', () => {
  it('names the header that holds one, line breaks and tabs aside', () => {
    expect(headerProblems(['Email', 'Na\u0000me', 'Two\r\nlines', 'Bell\u0007'])).toEqual([
      { field: 'headers', message: 'the header of column 2 must not contain control characters' },
      { field: 'headers', message: 'the header of column 4 must not contain control characters' },
    ]);
    expect(headerProblems(['Email', ' Tab\tbed '])).toEqual([]);
  });

  it('refuses a mapping holding one alone, without quoting it', () => {
    const mapping = mappingFromProposal(proposeMapping('OPPORTUNITIES', ['Id', 'Email', 'Amount', 'Stage']));
    expect(mappingProblems('OPPORTUNITIES', mapping, 4)).toEqual([]);
    const withValue = { ...mapping, values: { stage: { 'Won\u0000': 'WON' } } };
    expect(mappingProblems('OPPORTUNITIES', withValue, 9)).toEqual([
      { field: 'values.stage', message: 'a value mapped for stage must not contain control characters' },
    ]);
    const withColumn = { ...mapping, columns: ['externalId\u0000', 'leadEmail', 'amount', 'stage'] };
    expect(mappingProblems('OPPORTUNITIES', withColumn, 4)).toEqual([
      { field: 'columns', message: 'a field of a column must not contain control characters' },
    ]);
  });
});

describe('value mappings', () => {
  it('reads CRM stage names, with typos noted', () => {
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'Closed Won')).toEqual({
      ok: true,
      value: 'WON',
      note: '"Closed Won" read as "Won"',
    });
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'won')).toEqual({ ok: true, value: 'WON', note: null });
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'Closed Wno')).toEqual({
      ok: true,
      value: 'WON',
      note: '"Closed Wno" read as "Won" (typo)',
    });
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'Negotiation/Review').ok).toBe(true);
  });

  it('prefers the import own value mapping and refuses what nothing places', () => {
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'stage 4', { 'Stage 4': 'NEGOTIATION' })).toEqual({
      ok: true,
      value: 'NEGOTIATION',
      note: null,
    });
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'Banana')).toEqual({
      ok: false,
      reason:
        '"Banana" is not a known value; map it to one of Discovery, Demo, Proof of concept, Negotiation, Won, Lost',
    });
    expect(unmappedValues('OPPORTUNITY_STAGE', ['Won', 'Banana', 'banana ', 'Banana'])).toEqual([
      'Banana',
      'banana',
    ]);
  });

  it("names values with the app's words, and tells how to write a signal type nothing places", () => {
    expect(enumValueLabel('OPPORTUNITY_STAGE', 'PROOF_OF_CONCEPT')).toBe('Proof of concept');
    expect(enumValueLabel('SENIORITY', 'C_LEVEL')).toBe(SENIORITY_LABELS.C_LEVEL);
    expect(enumValueLabel('LIFECYCLE_STAGE', 'SAL')).toBe(LIFECYCLE_STAGE_LABELS.SAL);
    expect(enumValueLabel('SIGNAL_TYPE', 'EMAIL_SENT')).toBe('E-mail sent');
    expect(enumValueLabel('SIGNAL_TYPE', 'WEBINAR_ATTENDED')).toBe('Webinar attended');
    // A cell spelt as the label needs no note: it would say it was read as itself.
    expect(mapEnumValue('SENIORITY', 'individual contributor')).toEqual({
      ok: true,
      value: 'INDIVIDUAL',
      note: null,
    });
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'Proof-of-concept ')).toEqual({
      ok: true,
      value: 'PROOF_OF_CONCEPT',
      note: null,
    });
    expect(mapEnumValue('SIGNAL_TYPE', 'a coffee')).toEqual({
      ok: false,
      reason: `"a coffee" is not a known type; map it to a type such as ${enumValueLabel('SIGNAL_TYPE', STANDARD_SIGNAL_TYPES[0])} or ${enumValueLabel('SIGNAL_TYPE', ACTIVITY_SIGNAL_TYPES[0])}, or write a type of your own in capitals (TRADE_SHOW_VISIT)`,
    });
    expect(mapEnumValue('SIGNAL_TYPE', 'COFFEE_CHAT')).toEqual({
      ok: true,
      value: 'COFFEE_CHAT',
      note: null,
    });
  });

  it('never reads a value in another script as a mapped value that differs from it', () => {
    const saved = { 'Закрыта – выиграна': 'WON' };
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'Закрыта – проиграна', saved)).toEqual({
      ok: false,
      reason:
        '"Закрыта – проиграна" is not a known value; map it to one of Discovery, Demo, Proof of concept, Negotiation, Won, Lost',
    });
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'закрыта-выиграна', saved)).toEqual({
      ok: true,
      value: 'WON',
      note: null,
    });
    const greek = { 'Κλειστή – Κερδισμένη': 'WON' };
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'Κλειστή – Χαμένη', greek).ok).toBe(false);
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'ΚΛΕΙΣΤΗ ΚΕΡΔΙΣΜΕΝΗ', greek)).toMatchObject({ value: 'WON' });
    const chinese = { 赢单: 'WON', 谈判中: 'NEGOTIATION' };
    expect(mapEnumValue('OPPORTUNITY_STAGE', '丢单', chinese).ok).toBe(false);
    expect(mapEnumValue('OPPORTUNITY_STAGE', '谈判中 ', chinese)).toMatchObject({ value: 'NEGOTIATION' });
    expect(mapEnumValue('OPPORTUNITY_STAGE', '受注', {}).ok).toBe(false);
  });

  it('still folds accents, case, spacing and punctuation in a saved value mapping', () => {
    const saved = { 'Étape 4 – Négociation': 'NEGOTIATION', Négociation: 'NEGOTIATION', 'Stage-4': 'DEMO' };
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'negociation', saved)).toMatchObject({ value: 'NEGOTIATION' });
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'ETAPE 4 NEGOCIATION', saved)).toMatchObject({
      value: 'NEGOTIATION',
    });
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'stage 4', saved)).toMatchObject({ value: 'DEMO' });
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'Stage_4.', saved)).toMatchObject({ value: 'DEMO' });
  });

  it('matches a value of punctuation alone only as written, and no inherited property', () => {
    expect(mapEnumValue('OPPORTUNITY_STAGE', '–', { '—': 'WON' }).ok).toBe(false);
    expect(mapEnumValue('OPPORTUNITY_STAGE', '—', { '—': 'WON' })).toMatchObject({ value: 'WON' });
    expect(mapEnumValue('OPPORTUNITY_STAGE', '?', { 'Закрыта – выиграна': 'WON' }).ok).toBe(false);
    expect(mapEnumValue('OPPORTUNITY_STAGE', 'constructor', {}).ok).toBe(false);
  });

  it('lists every value of another script the saved mapping does not place', () => {
    expect(
      unmappedValues(
        'OPPORTUNITY_STAGE',
        ['Закрыта – выиграна', 'Закрыта – проиграна', 'Переговоры', '赢单', '丢单'],
        { 'Закрыта – выиграна': 'WON', 赢单: 'WON' },
      ),
    ).toEqual(['Закрыта – проиграна', 'Переговоры', '丢单']);
  });

  it('lets custom upper-case signal types through', () => {
    expect(mapEnumValue('SIGNAL_TYPE', 'Phone call')).toEqual({
      ok: true,
      value: 'CALL_MADE',
      note: '"Phone call" read as "Call made"',
    });
    expect(mapEnumValue('SIGNAL_TYPE', 'TRADE_SHOW_VISIT')).toEqual({
      ok: true,
      value: 'TRADE_SHOW_VISIT',
      note: null,
    });
  });
});

describe('cleaners', () => {
  it.each([
    ['1234.5', 1234.5, null],
    ['$1,234.56', 1234.56, 'USD'],
    ['1.234,56 €', 1234.56, 'EUR'],
    ['EUR 1 234,56', 1234.56, 'EUR'],
    ["1'234.50", 1234.5, null],
    ['12,5', 12.5, null],
    ['1,234', 1234, null],
    ['1.234.567', 1234567, null],
    ['5.000', 5000, null],
    ['0.125', 0.13, null],
    ['99.90', 99.9, null],
    ['12.5k', 12500, null],
    ['£2m', 2000000, 'GBP'],
    ['(500)', -500, null],
  ])('reads the amount %s', (raw, amount, currency) => {
    const cleaned = cleanAmount(raw);
    expect(cleaned.ok && cleaned.value).toEqual({ amount, currency });
  });

  it('notes a cleaned amount and refuses words', () => {
    expect(cleanAmount('$1,000')).toEqual({
      ok: true,
      value: { amount: 1000, currency: 'USD' },
      note: '"$1,000" read as 1000 USD',
    });
    expect(cleanAmount('1000')).toEqual({ ok: true, value: { amount: 1000, currency: null }, note: null });
    expect(cleanAmount('about ten')).toEqual({ ok: false, reason: '"about ten" is not an amount' });
    expect(cleanAmount('1,2,3.4.5').ok).toBe(false);
  });

  it.each([
    ['2,5 Mio', 2500000, null, '"2,5 Mio" read as 2500000'],
    ['2,5 Mio. €', 2500000, 'EUR', '"2,5 Mio. €" read as 2500000 EUR'],
    ['EUR 1,2 Mrd.', 1200000000, 'EUR', '"EUR 1,2 Mrd." read as 1200000000 EUR'],
    ['5 Tsd.', 5000, null, '"5 Tsd." read as 5000'],
    ['1.5bn', 1500000000, null, '"1.5bn" read as 1500000000'],
    ['500 chf', 500, 'CHF', '"500 chf" read as 500 CHF'],
  ])('reads the magnitude word or ISO code in %s', (raw, amount, currency, note) => {
    expect(cleanAmount(raw)).toEqual({ ok: true, value: { amount, currency }, note });
  });

  it('takes three letters as a currency only when ISO 4217 knows them', () => {
    expect(cleanAmount('2,5 XYZ')).toEqual({
      ok: false,
      reason:
        '"2,5 XYZ" is not an amount: "XYZ" is neither an ISO 4217 currency code nor k, Tsd, m, Mio, bn or Mrd',
    });
    expect(cleanAmount('ABC 100')).toEqual({
      ok: false,
      reason:
        '"ABC 100" is not an amount: "ABC" is neither an ISO 4217 currency code nor k, Tsd, m, Mio, bn or Mrd',
    });
    expect(cleanAmount('100 dollars')).toEqual({
      ok: false,
      reason:
        '"100 dollars" is not an amount: "dollars" is neither an ISO 4217 currency code nor k, Tsd, m, Mio, bn or Mrd',
    });
  });

  it.each([
    ['-$500', -500, 'USD'],
    ['$-500', -500, 'USD'],
    ['-€1.234,56', -1234.56, 'EUR'],
    ['($500)', -500, 'USD'],
    ['(500) €', -500, 'EUR'],
    ['- EUR 500', -500, 'EUR'],
  ])('reads the negative amount %s, its sign before or after the currency', (raw, amount, currency) => {
    expect(cleanAmount(raw)).toEqual({
      ok: true,
      value: { amount, currency },
      note: `"${raw}" read as ${amount} ${currency}`,
    });
  });

  it('holds a currency column to ISO 4217 as an amount is', () => {
    expect(cleanCurrency('eur')).toEqual({ ok: true, value: 'EUR', note: '"eur" read as EUR' });
    expect(cleanCurrency('Mio')).toEqual({ ok: false, reason: '"Mio" is not a currency code such as USD' });
  });

  it('finds no Object property as a currency, a country or a magnitude', () => {
    expect(cleanCurrency('constructor')).toEqual({
      ok: false,
      reason: '"constructor" is not a currency code such as USD',
    });
    expect(cleanCountry('constructor')).toEqual({
      ok: false,
      reason: '"constructor" is not a country Accord knows; use its two-letter ISO code',
    });
    expect(cleanAmount('5 constructor')).toEqual({
      ok: false,
      reason:
        '"5 constructor" is not an amount: "constructor" is neither an ISO 4217 currency code nor k, Tsd, m, Mio, bn or Mrd',
    });
  });

  it('refuses a sign written twice', () => {
    expect(cleanAmount('-$(500)')).toEqual({ ok: false, reason: '"-$(500)" is not an amount' });
  });

  it.each([
    ['1,200', 1200],
    ['51-200', 126],
    ['10k', 10000],
    ['500+', 500],
  ])('reads the head count %s', (raw, value) => {
    const cleaned = cleanEmployeeCount(raw);
    expect(cleaned.ok && cleaned.value).toBe(value);
  });

  it('refuses head counts that are not', () => {
    expect(cleanEmployeeCount('lots')).toEqual({ ok: false, reason: '"lots" is not a number of employees' });
    expect(cleanEmployeeCount('$5')).toEqual({ ok: false, reason: '"$5" is not a number of employees' });
  });

  it.each([
    ['2025-03-04', '2025-03-04T00:00:00.000Z'],
    ['2025-03-04T09:30:00Z', '2025-03-04T09:30:00.000Z'],
    ['2025-03-04 09:30:00+02:00', '2025-03-04T07:30:00.000Z'],
    ['2025/03/04', '2025-03-04T00:00:00.000Z'],
    ['04.03.2025', '2025-03-04T00:00:00.000Z'],
    ['31/12/2025', '2025-12-31T00:00:00.000Z'],
    ['12/31/2025', '2025-12-31T00:00:00.000Z'],
    ['4 Mar 2025', '2025-03-04T00:00:00.000Z'],
    ['March 4, 2025', '2025-03-04T00:00:00.000Z'],
    ['4 mars 2025', '2025-03-04T00:00:00.000Z'],
    ['3/4/25 2:30 PM', '2025-04-03T14:30:00.000Z'],
  ])('reads the date %s', (raw, iso) => {
    const cleaned = cleanDate(raw, 'DMY');
    expect(cleaned.ok && cleaned.value.toISOString()).toBe(iso);
  });

  it('refuses ambiguous dates without an order, and unreal ones', () => {
    expect(cleanDate('03/04/2025', null)).toEqual({
      ok: false,
      reason: '"03/04/2025" could be day-first or month-first; choose the file\'s date order',
    });
    expect(cleanDate('03/04/2025', 'MDY')).toEqual({
      ok: true,
      value: new Date('2025-03-04T00:00:00Z'),
      note: '"03/04/2025" read as 2025-03-04',
    });
    expect(cleanDate('2025-02-30', null)).toEqual({ ok: false, reason: '"2025-02-30" is not a real date' });
    // A placeholder year is not a date that does not exist: it is too long ago.
    expect(cleanDate('0001-01-01', null)).toEqual({ ok: false, reason: '"0001-01-01" lies before 1900' });
    expect(cleanDate('0099-02-30', null)).toEqual({ ok: false, reason: '"0099-02-30" is not a real date' });
    expect(cleanDate('1900-01-01', null)).toMatchObject({
      ok: true,
      value: new Date('1900-01-01T00:00:00Z'),
    });
    expect(cleanDate('yesterday', null).ok).toBe(false);
  });

  it('reads the order from the date alone, not from the dot of its milliseconds', () => {
    expect(cleanDate('04/03/2024 14:05:06.123', 'MDY')).toEqual({
      ok: true,
      value: new Date('2024-04-03T14:05:06.123Z'),
      note: '"04/03/2024 14:05:06.123" read as 2024-04-03T14:05',
    });
    expect(cleanDate('04.03.2024 14:05:06.123', 'MDY')).toEqual({
      ok: true,
      value: new Date('2024-03-04T14:05:06.123Z'),
      note: '"04.03.2024 14:05:06.123" read as 2024-03-04T14:05',
    });
  });

  it.each([
    ['4 März 2024', '2024-03-04'],
    ['März 4, 2024', '2024-03-04'],
    ['1. März 2024', '2024-03-01'],
    ['Mo., 4. März 2024', '2024-03-04'],
    ['4 Ma\u0308rz 2024', '2024-03-04'],
    ['4. Mrz. 2024', '2024-03-04'],
    ['12. Jänner 2024', '2024-01-12'],
    ['4 févr. 2024', '2024-02-04'],
    ['15 août 2024', '2024-08-15'],
    ['3 déc. 2024', '2024-12-03'],
    ['4 sept. 2024', '2024-09-04'],
    ['4th March 2024', '2024-03-04'],
    ['Monday, March 4, 2024', '2024-03-04'],
  ])('reads the month name in %s', (raw, day) => {
    expect(cleanDate(raw, null)).toEqual({
      ok: true,
      value: new Date(`${day}T00:00:00Z`),
      note: `"${raw}" read as ${day}`,
    });
  });

  it.each([
    ['2024-3-4', '2024-03-04'],
    ['2024-03-4', '2024-03-04'],
    ['4-Mar-24', '2024-03-04'],
    ['04-MAR-2024', '2024-03-04'],
    ['4-Mär-24', '2024-03-04'],
    ['31-Dec-69', '2069-12-31'],
    ['1-Jan-70', '1970-01-01'],
  ])('reads the short form %s, a two-digit year 00-69 as 20xx and 70-99 as 19xx', (raw, day) => {
    expect(cleanDate(raw, null)).toEqual({
      ok: true,
      value: new Date(`${day}T00:00:00Z`),
      note: `"${raw}" read as ${day}`,
    });
  });

  it('refuses unreal dates and unknown months in the short forms', () => {
    expect(cleanDate('30-Feb-24', null)).toEqual({ ok: false, reason: '"30-Feb-24" is not a real date' });
    expect(cleanDate('2024-2-30', null)).toEqual({ ok: false, reason: '"2024-2-30" is not a real date' });
    expect(cleanDate('4-Foo-24', null)).toEqual({ ok: false, reason: '"4-Foo-24" is not a date' });
  });

  it('normalises e-mails, domains and countries', () => {
    expect(cleanEmail(' Ana Lima <Ana.Lima@Example.COM> ')).toEqual({
      ok: true,
      value: 'ana.lima@example.com',
      note: '"Ana Lima <Ana.Lima@Example.COM>" read as ana.lima@example.com',
    });
    expect(cleanEmail('mailto:bo@x.io')).toEqual({
      ok: true,
      value: 'bo@x.io',
      note: '"mailto:bo@x.io" read as bo@x.io',
    });
    expect(cleanEmail('not-an-email').ok).toBe(false);
    expect(cleanDomain('https://www.Acme.com/about?x=1')).toEqual({
      ok: true,
      value: 'acme.com',
      note: '"https://www.Acme.com/about?x=1" read as acme.com',
    });
    expect(cleanDomain('acme').ok).toBe(false);
    // An internationalised name is kept in its ASCII form, as the same company's e-mail and signals are.
    expect(cleanDomain('https://www.Bäckerei-Müller.de/')).toEqual({
      ok: true,
      value: 'xn--bckerei-mller-bfb28a.de',
      note: '"https://www.Bäckerei-Müller.de/" read as xn--bckerei-mller-bfb28a.de (the ASCII form of bäckerei-müller.de)',
    });
    expect(cleanDomain('xn--mnchen-3ya.de')).toEqual({ ok: true, value: 'xn--mnchen-3ya.de', note: null });
    for (const notADomain of ['1.2.3.4', 'ex%61mple.com', 'exa_mple.com', 'a..com', '-a.com'])
      expect(cleanDomain(notADomain).ok).toBe(false);
    expect(cleanCountry('Deutschland')).toEqual({ ok: true, value: 'DE', note: '"Deutschland" read as DE' });
    expect(cleanCountry('uk')).toEqual({ ok: true, value: 'GB', note: '"uk" read as GB' });
    expect(cleanCountry('Atlantis').ok).toBe(false);
  });
});

describe('cleanText', () => {
  it('trims and folds white space, line breaks and tabs included', () => {
    expect(cleanText('  Big\r\n deal\there ', 200)).toEqual({ ok: true, value: 'Big deal here', note: null });
  });

  it.each([
    ['a NUL', 'Acme\u0000 deal'],
    ['a NUL alone', '\u0000'],
    ['a bell', 'Acme\u0007'],
    ['an escape', '\u001b[31mRed'],
    ['a delete', 'Acme\u007f'],
  ])('refuses %s as the leads do', (_, raw) => {
    expect(cleanText(raw, 200)).toEqual({ ok: false, reason: 'must not contain control characters' });
  });

  it('refuses text beyond the field length', () => {
    expect(cleanText('abcd', 3)).toEqual({ ok: false, reason: 'is longer than 3 characters' });
  });
});

describe('rows', () => {
  const headers = ['Email', 'Name', 'Company', 'Employees', 'Revenue', 'Country', 'Seniority', 'Created'];
  const preparer = () =>
    new RowPreparer('LEADS', headers, mappingFromProposal(proposeMapping('LEADS', headers)), NOW);

  it('cleans a messy lead row with the lead rules and says what it cleaned', () => {
    const row = preparer().prepare([
      ' ANA@Acme.com',
      'Ana Lima',
      'Acme',
      '51-200',
      '$2.5m',
      'Brasil',
      'Vice President',
      '2025-01-15',
    ]);
    expect(row).toEqual({
      ok: true,
      value: {
        lead: expect.objectContaining({
          email: 'ana@acme.com',
          firstName: 'Ana',
          lastName: 'Lima',
          companyName: 'Acme',
          companyDomain: 'acme.com',
          employeeCount: 126,
          annualRevenue: 2500000,
          country: 'BR',
          seniority: 'VP',
        }),
        given: [
          'email',
          'companyName',
          'employeeCount',
          'country',
          'seniority',
          'firstName',
          'lastName',
          'annualRevenue',
        ],
        owner: null,
        createdAt: new Date('2025-01-15T00:00:00Z'),
      },
      notes: [
        'Email: "ANA@Acme.com" read as ana@acme.com',
        'Employees: range "51-200" read as 126',
        'Revenue: "$2.5m" read as 2500000 USD',
        'Country: "Brasil" read as BR',
        'Seniority: "Vice President" read as "VP"',
        'Name: split into first and last name',
      ],
    });
  });

  it("refuses a company's revenue in another currency than the workspace's, for leads and accounts alike", () => {
    // The mapping's default currency (for amounts that name none) is not what counts: the workspace's is.
    const euros = (kind: 'LEADS' | 'ACCOUNTS', columns: string[]) =>
      new RowPreparer(kind, columns, mappingFromProposal(proposeMapping(kind, columns), 'USD'), NOW, 'EUR');
    const problem = {
      column: 'Revenue',
      reason: 'is in USD; this workspace reports in EUR (convert it, or leave the column out)',
    };
    expect(euros('LEADS', ['Email', 'Revenue']).prepare(['ana@acme.com', '$25,000,000'])).toMatchObject({
      ok: false,
      problems: [problem],
    });
    expect(euros('ACCOUNTS', ['Domain', 'Revenue']).prepare(['acme.com', 'USD 8m'])).toMatchObject({
      ok: false,
      problems: [problem],
    });
    // Its own currency, or none named, is the workspace's.
    for (const revenue of ['€12M', '12000000', 'EUR 12 000 000'])
      expect(euros('LEADS', ['Email', 'Revenue']).prepare(['ana@acme.com', revenue])).toMatchObject({
        ok: true,
        value: { lead: { annualRevenue: 12_000_000 } },
      });
  });

  it("names every problem of a row at once: its cells' and its kind's rules'", () => {
    const columns = ['Email', 'Employees', 'Revenue', 'Created'];
    const leads = new RowPreparer(
      'LEADS',
      columns,
      mappingFromProposal(proposeMapping('LEADS', columns), 'USD'),
      NOW,
      'EUR',
    );
    expect(leads.prepare(['ana@acme.com', 'lots', '$2m', '2999-01-01'])).toEqual({
      ok: false,
      problems: [
        { column: 'Employees', reason: '"lots" is not a number of employees' },
        {
          column: 'Revenue',
          reason: 'is in USD; this workspace reports in EUR (convert it, or leave the column out)',
        },
        { column: 'Created', reason: 'is in the future' },
      ],
      notes: ['Revenue: "$2m" read as 2000000 USD'],
    });
    const accounts = new RowPreparer(
      'ACCOUNTS',
      ['Domain', 'Country', 'Revenue'],
      mappingFromProposal(proposeMapping('ACCOUNTS', ['Domain', 'Country', 'Revenue']), 'USD'),
      NOW,
      'EUR',
    );
    expect(accounts.prepare(['acme.com', 'Atlantis', '$2m'])).toMatchObject({
      ok: false,
      problems: [{ column: 'Country' }, { column: 'Revenue' }],
    });
    // A rule about a column whose cell was refused adds nothing; a row without its required value stops there.
    const deals = new RowPreparer(
      'OPPORTUNITIES',
      ['Id', 'Email', 'Amount', 'Stage', 'Close date'],
      mappingFromProposal(proposeMapping('OPPORTUNITIES', ['Id', 'Email', 'Amount', 'Stage', 'Close date'])),
      NOW,
    );
    expect(deals.prepare(['o-1', 'ana@acme.com', '-5', 'Won', 'someday'])).toMatchObject({
      ok: false,
      problems: [
        { column: 'Close date', reason: '"someday" is not a date Accord can read (use 2025-03-04)' },
        { column: 'Amount', reason: 'must not be negative' },
      ],
    });
    expect(deals.prepare(['o-1', 'ana@acme.com', 'ten', 'Won', 'someday'])).toMatchObject({
      ok: false,
      problems: [{ column: 'Amount' }, { column: 'Close date' }],
    });
  });

  it('splits a full name written "Last, First" at its comma', () => {
    const columns = ['Email', 'Name'];
    const leads = new RowPreparer(
      'LEADS',
      columns,
      mappingFromProposal(proposeMapping('LEADS', columns)),
      NOW,
    );
    expect(leads.prepare(['ana@acme.com', 'Lima da Silva, Ana Maria'])).toEqual({
      ok: true,
      value: {
        lead: expect.objectContaining({ firstName: 'Ana Maria', lastName: 'Lima da Silva' }),
        given: ['email', 'firstName', 'lastName'],
        owner: null,
        createdAt: null,
      },
      notes: ['Name: read as "Last, First" and split into first and last name'],
    });
    expect(leads.prepare(['bo@acme.com', 'Bo Smith, Jr.'])).toEqual({
      ok: true,
      value: {
        lead: expect.objectContaining({ firstName: 'Bo', lastName: 'Smith, Jr.' }),
        given: ['email', 'firstName', 'lastName'],
        owner: null,
        createdAt: null,
      },
      notes: ['Name: split into first and last name'],
    });
  });

  it("keeps the name a lead's owner column holds, for the owner to be found among the members by it", () => {
    const columns = ['Email', 'Lead Owner'];
    const leads = new RowPreparer(
      'LEADS',
      columns,
      mappingFromProposal(proposeMapping('LEADS', columns)),
      NOW,
    );
    expect(leads.prepare(['ana@acme.com', 'Admin User'])).toEqual({
      ok: true,
      value: {
        lead: {
          email: 'ana@acme.com',
          firstName: null,
          lastName: null,
          title: null,
          seniority: null,
          department: null,
          budgetAuthority: null,
          companyName: null,
          companyDomain: 'acme.com',
          employeeCount: null,
          annualRevenue: null,
          industry: null,
          country: null,
          technologies: [],
          source: null,
          campaign: null,
        },
        given: ['email'],
        owner: { name: 'Admin User' },
        createdAt: null,
      },
      notes: [],
    });
    // Too long to be anyone's name: noted, and the owner left as it was.
    expect(leads.prepare(['ana@acme.com', 'x'.repeat(201)])).toMatchObject({
      ok: true,
      value: { owner: null },
      notes: ['Lead Owner: "' + 'x'.repeat(201) + '" is not an e-mail address: the owner is left as it was'],
    });
    expect(leads.prepare(['ana@acme.com', 'Admin\u0000User'])).toEqual({
      ok: false,
      problems: [{ column: 'Lead Owner', reason: 'must not contain control characters' }],
      notes: [],
    });
  });

  it('refuses a row with the column and the reason, each problem once', () => {
    expect(preparer().prepare(['', 'Bo', 'Acme', 'many', '', 'Atlantis', '', '2030-01-01'])).toEqual({
      ok: false,
      problems: [
        { column: 'Employees', reason: '"many" is not a number of employees' },
        {
          column: 'Country',
          reason: '"Atlantis" is not a country Accord knows; use its two-letter ISO code',
        },
        { column: 'Email', reason: 'is empty; every row needs it' },
      ],
      notes: [],
    });
  });

  it('refuses a cell of any type with a control character, never quoting it', () => {
    const columns = ['Id', 'Email', 'Name', 'Amount', 'Stage', 'Created'];
    const opportunities = new RowPreparer(
      'OPPORTUNITIES',
      columns,
      mappingFromProposal(proposeMapping('OPPORTUNITIES', columns)),
      NOW,
    );
    expect(
      opportunities.prepare([
        'O\u00001',
        'a\u0000@b.co',
        'Deal\u0000',
        '1\u00000',
        'Won\u0000',
        '2025\u0000',
      ]),
    ).toEqual({
      ok: false,
      problems: columns.map((column) => ({ column, reason: 'must not contain control characters' })),
      notes: [],
    });
  });

  it('refuses a cell holding undecoded bytes (�), whatever its type, and takes the row without one', () => {
    const columns = ['Email', 'Company', 'Employees'];
    const leads = new RowPreparer(
      'LEADS',
      columns,
      mappingFromProposal(proposeMapping('LEADS', columns)),
      NOW,
    );
    const reason = "holds bytes that are not text in the file's encoding (read as �): save the file as UTF-8";

    expect(
      leads.prepare(['ana@soci\uFFFDt\uFFFD.fr', 'Soci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale', '5\uFFFD0']),
    ).toEqual({
      ok: false,
      problems: columns.map((column) => ({ column, reason })),
      notes: [],
    });
    expect(leads.prepare(['ana@societe.fr', 'Société Générale', '500']).ok).toBe(true);
  });

  it('reads a won opportunity and refuses one closed without a date', () => {
    const oppHeaders = [
      'Opportunity ID',
      'Contact Email',
      'Amount',
      'Stage',
      'Created Date',
      'Close Date',
      'Loss Reason',
    ];
    const opportunities = new RowPreparer(
      'OPPORTUNITIES',
      oppHeaders,
      mappingFromProposal(proposeMapping('OPPORTUNITIES', oppHeaders)),
      NOW,
    );
    expect(
      opportunities.prepare([
        '006A',
        'ana@acme.com',
        '€12.000,00',
        'Closed Lost',
        '2025-01-02',
        '2025-03-01',
        '',
      ]),
    ).toEqual({
      ok: true,
      value: {
        externalId: '006A',
        leadEmail: 'ana@acme.com',
        accountDomain: null,
        accountName: null,
        accountNameKey: null,
        name: null,
        owner: null,
        amount: 12000,
        currency: 'EUR',
        stage: 'LOST',
        createdAt: new Date('2025-01-02T00:00:00Z'),
        closeDate: '2025-03-01',
        lostReason: UNKNOWN_LOST_REASON,
      },
      notes: [
        'Amount: "€12.000,00" read as 12000 EUR',
        'Stage: "Closed Lost" read as "Lost"',
        `lost reason: none given; recorded as "${UNKNOWN_LOST_REASON}"`,
      ],
    });
    expect(opportunities.prepare(['006B', 'ana@acme.com', '100', 'won', '2025-01-02', '', ''])).toEqual({
      ok: false,
      problems: [{ column: 'Close Date', reason: 'a WON opportunity needs its close date' }],
      notes: [],
    });
  });

  it("keeps the name an opportunity's owner column holds, for the owner to be found by it", () => {
    const columns = ['Deal ID', 'Contact Email', 'Amount', 'Deal Stage', 'Deal owner'];
    const opportunities = new RowPreparer(
      'OPPORTUNITIES',
      columns,
      mappingFromProposal(proposeMapping('OPPORTUNITIES', columns)),
      NOW,
    );
    expect(opportunities.prepare(['d1', 'ana@acme.com', '100', 'DEMO', 'Jane Doe'])).toEqual({
      ok: true,
      value: {
        externalId: 'd1',
        leadEmail: 'ana@acme.com',
        accountDomain: null,
        accountName: null,
        accountNameKey: null,
        name: null,
        owner: { name: 'Jane Doe' },
        amount: 100,
        currency: 'USD',
        stage: 'DEMO',
        createdAt: null,
        closeDate: null,
        lostReason: null,
      },
      notes: [],
    });
  });

  it('reads a negative deal amount and refuses it by the pipeline rule', () => {
    const columns = ['Deal ID', 'Contact Email', 'Amount', 'Deal Stage'];
    const opportunities = new RowPreparer(
      'OPPORTUNITIES',
      columns,
      mappingFromProposal(proposeMapping('OPPORTUNITIES', columns)),
      NOW,
    );
    expect(opportunities.prepare(['d1', 'ana@acme.com', '-$500', 'DEMO'])).toEqual({
      ok: false,
      problems: [{ column: 'Amount', reason: 'must not be negative' }],
      notes: ['Amount: "-$500" read as -500 USD'],
    });
  });

  it('validates signals with the ingestion rules', () => {
    const signalHeaders = ['Activity ID', 'Email', 'Activity Type', 'Date'];
    const signals = new RowPreparer(
      'SIGNALS',
      signalHeaders,
      mappingFromProposal(proposeMapping('SIGNALS', signalHeaders)),
      NOW,
    );
    expect(signals.prepare(['a1', 'ana@acme.com', 'Webinar', '1999-05-01'])).toEqual({
      ok: false,
      problems: [{ column: 'Date', reason: 'must not be before 2000-01-01' }],
      notes: ['Activity Type: "Webinar" read as "Webinar attended"'],
    });
  });

  it("says in the import's words what a row misses, naming a field no column holds by its label", () => {
    const signalHeaders = ['Activity ID', 'Activity Type', 'Date'];
    const signals = new RowPreparer(
      'SIGNALS',
      signalHeaders,
      mappingFromProposal(proposeMapping('SIGNALS', signalHeaders)),
      NOW,
    );
    expect(signals.prepare(['a1', 'Webinar', '2025-05-01'])).toMatchObject({
      ok: false,
      problems: [{ column: '', reason: 'needs a lead e-mail or a company domain to find its lead' }],
    });
    const dealHeaders = ['Opportunity ID', 'Contact Email', 'Amount', 'Stage'];
    const deals = new RowPreparer(
      'OPPORTUNITIES',
      dealHeaders,
      mappingFromProposal(proposeMapping('OPPORTUNITIES', dealHeaders)),
      NOW,
    );
    expect(deals.prepare(['O1', 'ana@acme.com', '100', 'Won'])).toMatchObject({
      ok: false,
      problems: [{ column: 'Close date', reason: 'a WON opportunity needs its close date' }],
    });
  });

  it('closes a Pipedrive deal on its won or lost time when the close date column says nothing', () => {
    const headers = [
      'Deal - ID',
      'Person - Email',
      'Deal - Value',
      'Deal - Status',
      'Deal - Deal created',
      'Deal - Deal closed on',
      'Deal - Won time',
      'Deal - Lost time',
    ];
    const proposed = proposeMapping('OPPORTUNITIES', headers).map((item) => item.field);
    expect(proposed.slice(4)).toEqual(['createdAt', 'closeDate', 'wonDate', 'lostDate']);
    const deals = new RowPreparer(
      'OPPORTUNITIES',
      headers,
      mappingFromProposal(proposeMapping('OPPORTUNITIES', headers)),
      NOW,
    );
    const closedOn = (cells: string[]) => {
      const prepared = deals.prepare(cells);
      return prepared.ok ? prepared.value.closeDate : prepared.problems;
    };
    expect(closedOn(['1', 'a@b.co', '10', 'won', '2025-01-02', '', '2025-03-04 10:00:00', ''])).toBe(
      '2025-03-04',
    );
    expect(closedOn(['2', 'a@b.co', '10', 'lost', '2025-01-02', '', '2025-03-04', '2025-05-06'])).toBe(
      '2025-05-06',
    );
    expect(closedOn(['3', 'a@b.co', '10', 'won', '2025-01-02', '2025-02-03', '2025-03-04', ''])).toBe(
      '2025-02-03',
    );
    expect(closedOn(['4', 'a@b.co', '10', 'lost', '2025-01-02', '', '2025-03-04', ''])).toEqual([
      { column: 'Deal - Deal closed on', reason: 'a LOST opportunity needs its close date' },
    ]);
    expect(closedOn(['5', 'a@b.co', '10', 'won', '2025-03-02', '', '2025-01-04', ''])).toEqual([
      { column: 'Deal - Won time', reason: 'is before the opportunity was created' },
    ]);
  });
});

describe('rows of another width than the header', () => {
  const headers = ['Email', 'Company', 'Title'];
  const leads = new RowPreparer('LEADS', headers, mappingFromProposal(proposeMapping('LEADS', headers)), NOW);

  it('refuses a row with more cells than the header, whose cells a comma moved', () => {
    expect(leads.prepare(['ana@acme.com', 'Acme', ' Inc.', 'CTO'])).toEqual({
      ok: false,
      problems: [
        {
          column: '',
          reason:
            'has 4 cells where the header has 3: a comma inside a cell that is not in quotes moves the cells ' +
            'after it; put that cell in double quotes',
        },
      ],
      notes: [],
    });
    expect(leads.prepare(['ana@acme.com', 'Acme', 'Marketing', '', ' '])).toMatchObject({
      ok: true,
      notes: [],
    });
  });

  it('reads the missing cells of a shorter row as empty, and says so', () => {
    expect(leads.prepare(['ana@acme.com'])).toMatchObject({
      ok: true,
      notes: ["the row has 1 of the header's 3 cells; the missing ones are read as empty"],
    });
  });
});

describe('report', () => {
  it("tells a CRM report's footer lines from records", () => {
    expect(
      [
        ['Grand Totals (8 records)', '', ''],
        ['Generated By:  Ada Admin  27.11.2026 09:14', ''],
        ['Confidential Information - Do Not Distribute'],
        ['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.', '', ''],
        ['Total', ''],
        ['Total Motors', 'ana@total.example'],
        ['Grand Totals (8 records)', '8'],
        ['ana@acme.com', 'Acme'],
        ['Count: 8', ''],
        ['Record count 8'],
        ['Exported on 27/11/2026 by Ada', ''],
        ['Filtered by: Lead Status = Open', ''],
        ['Summe', '', ''],
        ['Gesamtsumme (8 Datensätze)', ''],
        ['Total général', ''],
        ['Sumitomo Rubber', ''],
        ['Counterpoint Ltd', ''],
        // A totals row carries the report's sums; a record beside "Total" does not make one.
        ['Grand Totals (2 records)', '', '', '', '$2,234.50', ''],
        ['Subtotal', '12.500,00 €', '3'],
        ['Total SE', '$5,000'],
        ['Grand Totals (2 records)', 'ana@acme.com'],
      ].map(isReportFooter),
    ).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      true,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('neutralises formulas and quotes what needs it', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell(12)).toBe('12');
    expect(reportCsvLine({ row: 3, outcome: 'REFUSED', column: 'Email', message: 'is empty, see "x"' })).toBe(
      '3,REFUSED,Email,"is empty, see ""x"""\r\n',
    );
  });
});

describe('the refused rows file', () => {
  it('writes refused rows as the file gave them, with why, and reads its formula marks back', () => {
    const file = refusedRowsCsv(['Email', 'Amount']);
    expect(file.header).toBe('Email,Amount,Refused because\r\n');
    expect(
      file.line({
        cells: ['ann@', '-500'],
        problems: [
          { row: 2, outcome: 'REFUSED', column: 'Email', message: 'must be an e-mail address' },
          { row: 2, outcome: 'REFUSED', column: '', message: 'has no account' },
        ],
      }),
    ).toBe("ann@,'-500,Email: must be an e-mail address; has no account\r\n");
    // A short row is padded, so that the reason stays in its column.
    expect(refusedRowsCsv(['A', 'B', 'C']).line({ cells: ['x'], problems: [] })).toBe('x,,,\r\n');
    // More cells than the header: the reason under its column, the cells past the header after it.
    expect(
      refusedRowsCsv(['A', 'B']).line({
        cells: ['x', 'Acme', ' Inc.'],
        problems: [{ row: 2, outcome: 'REFUSED', column: '', message: 'has 3 cells' }],
      }),
    ).toBe('x,Acme,has 3 cells, Inc.\r\n');
    // Refused again after a fix: the old reasons give way to the new ones.
    const again = refusedRowsCsv(['Email', REFUSED_BECAUSE]);
    expect(again.header).toBe('Email,Refused because\r\n');
    expect(
      again.line({
        cells: ['ann@', 'Email: old reason'],
        problems: [{ row: 2, outcome: 'REFUSED', column: 'Email', message: 'new reason' }],
      }),
    ).toBe('ann@,Email: new reason\r\n');
    expect([
      unmarkedCell("'-500"),
      unmarkedCell("'=SUM(A1)"),
      unmarkedCell("'Neill"),
      unmarkedCell('-5'),
    ]).toEqual(['-500', '=SUM(A1)', "'Neill", '-5']);
  });

  it('adds a column that no kind maps to a field, so the fixed file imports as it did', () => {
    for (const kind of IMPORT_KINDS)
      expect(mappingFromProposal(proposeMapping(kind, [REFUSED_BECAUSE])).columns).toEqual([null]);
  });

  it('reads a cell it marked as text without the mark, and says so', () => {
    const headers = ['Email', 'Source'];
    const preparer = new RowPreparer(
      'LEADS',
      headers,
      mappingFromProposal(proposeMapping('LEADS', headers)),
      NOW,
    );
    expect(preparer.prepare(['ann@acme.example', "'@events"])).toMatchObject({
      ok: true,
      value: { lead: { source: '@events' } },
      notes: ['Source: read as “@events”, without the apostrophe that marked it as text'],
    });
  });
});

describe('seniority from the job title', () => {
  const headers = ['Email', 'Title', 'Seniority'];
  const leads = new RowPreparer('LEADS', headers, mappingFromProposal(proposeMapping('LEADS', headers)), NOW);

  it('reads a blank seniority from a title that names one, and says so', () => {
    const row = leads.prepare(['ana@acme.com', 'VP Marketing', '']);
    expect(row).toMatchObject({ ok: true, notes: ['Title: seniority VP, read from the job title'] });
    expect(row.ok && row.value).toMatchObject({ lead: { seniority: 'VP', title: 'VP Marketing' } });
  });

  it('keeps the seniority the file gives, and guesses none from a title that names none', () => {
    expect(leads.prepare(['ana@acme.com', 'VP Marketing', 'Director'])).toMatchObject({
      ok: true,
      notes: [],
      value: { lead: { seniority: 'DIRECTOR' } },
    });
    expect(leads.prepare(['ana@acme.com', 'Marketing', ''])).toMatchObject({
      ok: true,
      notes: [],
      value: { lead: { seniority: null } },
    });
  });
});

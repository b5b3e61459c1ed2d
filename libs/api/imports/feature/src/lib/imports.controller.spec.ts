import {
  checkUploadParameters,
  flagOf,
  handoversOf,
  mappingOf,
  reportDisposition,
} from './imports.controller';

const MAPPING = {
  columns: ['externalId', 'stage'],
  values: { stage: { 'Étape 4 – Négociation': 'NEGOTIATION', 'Закрыта – выиграна': 'WON' } },
  dateOrder: null,
  defaultCurrency: 'EUR',
};

/** A header as Node hands it over: each byte on the wire one Latin-1 character. */
const asNodeReadsIt = (bytes: Buffer) => bytes.toString('latin1');

describe('the X-Import-Mapping header', () => {
  it('reads the percent-encoded JSON the web app sends', () => {
    expect(mappingOf(encodeURIComponent(JSON.stringify(MAPPING)))).toEqual(MAPPING);
  });

  it("reads raw JSON's UTF-8 bytes as UTF-8, as curl sends them", () => {
    expect(mappingOf(asNodeReadsIt(Buffer.from(JSON.stringify(MAPPING), 'utf8')))).toEqual(MAPPING);
  });

  it('keeps raw bytes that are not UTF-8 as Latin-1, as a browser sends characters up to U+00FF', () => {
    const latin1 = { ...MAPPING, values: { stage: { Négociation: 'NEGOTIATION' } } };
    expect(mappingOf(asNodeReadsIt(Buffer.from(JSON.stringify(latin1), 'latin1')))).toEqual(latin1);
  });

  it("takes the value maps as an import's summary answers them, to send a summary's mapping back", () => {
    const listed = {
      ...MAPPING,
      values: [
        { field: 'stage', from: 'Étape 4 – Négociation', to: 'NEGOTIATION' },
        { field: 'stage', from: 'Закрыта – выиграна', to: 'WON' },
      ],
    };
    expect(mappingOf(encodeURIComponent(JSON.stringify(listed)))).toEqual(MAPPING);
    expect(() => mappingOf(JSON.stringify({ ...MAPPING, values: [{ from: 'Won', to: 'WON' }] }))).toThrow(
      /^X-Import-Mapping needs "columns"/,
    );
  });

  it('refuses what is neither, naming the header', () => {
    expect(() => mappingOf('%7B%E0%A4%A')).toThrow(/^X-Import-Mapping is not valid percent-encoding/);
    expect(() => mappingOf('{"columns": [')).toThrow(/^X-Import-Mapping must be JSON/);
    expect(() => mappingOf('null')).toThrow(/^X-Import-Mapping needs "columns"/);
    expect(mappingOf('  ')).toBeNull();
  });
});

describe('the handovers option', () => {
  it('skips handovers unless a leads or accounts import asks for them', () => {
    expect(handoversOf('LEADS', undefined)).toBe('SKIP');
    expect(handoversOf('LEADS', '')).toBe('SKIP');
    expect(handoversOf('LEADS', 'open')).toBe('OPEN');
    expect(handoversOf('ACCOUNTS', 'Skip')).toBe('SKIP');
    expect(handoversOf('OPPORTUNITIES', undefined)).toBe('SKIP');
  });

  it('refuses a value it does not know, a repeated one, and any on the other kinds', () => {
    expect(() => handoversOf('LEADS', 'yes')).toThrow(/^handovers must be open/);
    expect(() => handoversOf('LEADS', ['open', 'skip'])).toThrow(/^handovers must be open/);
    expect(() => handoversOf('SIGNALS', 'skip')).toThrow(
      'handovers applies to leads and accounts imports only.',
    );
  });
});

describe('the upload parameters', () => {
  it('reads a yes/no parameter strictly: anything but true, false, 1 or 0 is refused, not taken as no', () => {
    expect([undefined, 'true', 'TRUE', '1', 'false', '0'].map((value) => flagOf('dryRun', value))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
    for (const value of ['yes', 'on', '2', '', ['true', 'false']])
      expect(() => flagOf('dryRun', value)).toThrow('dryRun must be true or false (or 1 or 0), once.');
  });

  it('refuses a parameter an upload does not read, such as a misspelt dryRun', () => {
    expect(() =>
      checkUploadParameters({ dryRun: 'true', handovers: 'open', fileName: 'a.csv' }),
    ).not.toThrow();
    expect(() => checkUploadParameters({ dryrun: 'true' })).toThrow(
      'Unknown parameter "dryrun": an upload takes dryRun, saveMapping, fileName, handovers.',
    );
  });
});

describe('the report download', () => {
  it('is named after the file imported, as typed and in plain ASCII, or after the import without one', () => {
    expect(reportDisposition('sf_leads.csv', 'id1')).toBe(
      `attachment; filename="sf_leads-report.csv"; filename*=UTF-8''sf_leads-report.csv`,
    );
    expect(reportDisposition('Kontakte "März".CSV', 'id1')).toBe(
      `attachment; filename="Kontakte _M_rz_-report.csv"; filename*=UTF-8''Kontakte%20%22M%C3%A4rz%22-report.csv`,
    );
    expect(reportDisposition(null, 'id1')).toBe(
      `attachment; filename="import-id1-report.csv"; filename*=UTF-8''import-id1-report.csv`,
    );
  });
});

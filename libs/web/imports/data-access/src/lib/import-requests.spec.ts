import {
  downloadName,
  encodingNote,
  httpError,
  mappingHeader,
  refusedRowsNote,
  unplacedValues,
  uploadPath,
} from './import-requests';

describe('import requests', () => {
  it('builds the upload path with its options', () => {
    expect(uploadPath('SALES_REPS', { dryRun: true, saveMapping: false, fileName: 'reps 2025.csv' })).toBe(
      '/api/v1/imports/sales-reps?dryRun=true&saveMapping=false&fileName=reps+2025.csv',
    );
    expect(
      uploadPath('LEADS', { dryRun: false, saveMapping: true, fileName: 'crm.csv', handovers: 'open' }),
    ).toBe('/api/v1/imports/leads?dryRun=false&saveMapping=true&fileName=crm.csv&handovers=open');
  });

  it('percent-encodes the mapping header, so any CRM value name fits in it and comes back the same', () => {
    const mapping = {
      columns: ['externalId', 'stage', null],
      values: { stage: { Négociation: 'NEGOTIATION', 'Закрыта – выиграна': 'WON' } },
      dateOrder: 'DMY' as const,
      defaultCurrency: 'EUR',
    };
    const header = mappingHeader(mapping);
    // What a browser accepts in a header: printable ASCII only, and not raw JSON (the API tells them apart by "{").
    expect(header).toMatch(/^[\x21-\x7e]+$/);
    expect(header.startsWith('%7B')).toBe(true);
    expect(header).toContain('N%C3%A9gociation');
    expect(JSON.parse(decodeURIComponent(header))).toEqual(mapping);
  });

  it('turns HTTP failures into the errors pages show', () => {
    expect(
      httpError(413, {
        error: 'PAYLOAD_TOO_LARGE',
        message: 'The file is larger than the limit of 10 bytes.',
      }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The file is larger than the limit of 10 bytes.',
      fields: [],
    });
    expect(httpError(403, null)).toEqual({ code: 'FORBIDDEN', message: 'The import failed.', fields: [] });
    expect(httpError(502, 'x').code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('lists the values neither Accord nor the person has placed', () => {
    const values = [
      { field: 'stage', header: 'Stage', value: 'Won', mappedTo: 'WON' },
      { field: 'stage', header: 'Stage', value: 'Stage 4', mappedTo: null },
      { field: 'stage', header: 'Stage', value: 'Stage 5', mappedTo: null },
    ];
    const preview = {
      headers: ['Stage'],
      proposals: [],
      mapping: {
        columns: ['stage'],
        values: { stage: { 'Stage 5': 'NEGOTIATION' } },
        dateOrder: null,
        defaultCurrency: 'USD',
      },
      savedMappingUsed: false,
      encoding: 'UTF-8' as const,
      sampleRows: [],
      values,
      problems: [],
    };
    expect(unplacedValues(preview)).toEqual([values[1]]);
  });

  it('notes an encoding other than UTF-8, and what to do if its letters look wrong', () => {
    expect([encodingNote('UTF-8'), encodingNote('WINDOWS-1252'), encodingNote('UTF-16LE')]).toEqual([
      null,
      'The file\'s text is read as Windows-1252, as Excel on Windows saves CSV. If the examples show wrong letters, save it as "CSV UTF-8" and choose it again.',
      'The file\'s text is read as UTF-16 (Unicode text). If the examples show wrong letters, save it as "CSV UTF-8" and choose it again.',
    ]);
  });
});

describe('downloadName', () => {
  it('takes the name as typed, else the plain one, else none', () => {
    expect(
      downloadName(
        `attachment; filename="Kontakte _M_rz_-report.csv"; filename*=UTF-8''Kontakte%20%22M%C3%A4rz%22-report.csv`,
      ),
    ).toBe('Kontakte "März"-report.csv');
    expect(downloadName('attachment; filename="sf_leads-report.csv"')).toBe('sf_leads-report.csv');
    expect(downloadName(`attachment; filename="x.csv"; filename*=UTF-8''%E0%A4%A`)).toBe('x.csv');
    expect(downloadName(null)).toBeNull();
  });
});

describe('refusedRowsNote', () => {
  it('says which refused rows the file holds', () => {
    expect(refusedRowsNote({ refused: 3, refusedRowsKept: 3 })).toBe(
      'The refused rows come as your file had them, with why in a last column: fix them in a spreadsheet and import that file again.',
    );
    expect(refusedRowsNote({ refused: 12_500, refusedRowsKept: 10_000 })).toMatch(
      /^The first 10,000 of the 12,500 refused rows come as your file had them/,
    );
  });
});

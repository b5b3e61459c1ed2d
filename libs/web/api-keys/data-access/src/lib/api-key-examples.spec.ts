import { parseLeadFields, parseSignalEvent } from '@accord/domain/leads';

import { API_KEY_PLACEHOLDER, apiKeyExamples } from './api-key-examples';

const NOW = new Date('2026-11-25T09:00:00.123Z');

/** The JSON body a command sends. */
function bodyOf(command: string): unknown[] {
  const body = /-d '(.*)'$/.exec(command)?.[1];
  return JSON.parse(body ?? 'null') as unknown[];
}

describe('apiKeyExamples', () => {
  it('writes a curl command per endpoint on the origin, with a placeholder for the key', () => {
    const [leads, signals] = apiKeyExamples({ origin: 'https://accord.example.com', secret: null, now: NOW });

    expect([leads.id, leads.title, signals.id, signals.title]).toEqual([
      'leads',
      'Send leads',
      'signals',
      'Send signals',
    ]);
    expect(leads.command).toBe(
      [
        'curl -X POST https://accord.example.com/api/v1/leads \\',
        '  -H "Authorization: Bearer acc_…your key…" \\',
        '  -H "Content-Type: application/json" \\',
        `  -d '[{"email":"ava.chen@northwind.example","firstName":"Ava","lastName":"Chen","title":"VP Marketing",` +
          `"companyName":"Northwind","employeeCount":250,"source":"Website"}]'`,
      ].join('\n'),
    );
    expect(signals.command).toBe(
      [
        'curl -X POST https://accord.example.com/api/v1/signals \\',
        '  -H "Authorization: Bearer acc_…your key…" \\',
        '  -H "Content-Type: application/json" \\',
        `  -d '[{"externalId":"evt-8812","type":"PRICING_PAGE_VISIT","occurredAt":"2026-11-25T09:00:00Z",` +
          `"lead":{"email":"ava.chen@northwind.example"},"source":"Website"}]'`,
      ].join('\n'),
    );
  });

  it('sends the new secret when there is one', () => {
    const examples = apiKeyExamples({ origin: 'http://localhost:4200', secret: 'acc_k2_s3cret', now: NOW });

    expect(examples.map((example) => example.command.split('\n').slice(0, 2))).toEqual([
      ['curl -X POST http://localhost:4200/api/v1/leads \\', '  -H "Authorization: Bearer acc_k2_s3cret" \\'],
      [
        'curl -X POST http://localhost:4200/api/v1/signals \\',
        '  -H "Authorization: Bearer acc_k2_s3cret" \\',
      ],
    ]);
    expect(examples.some((example) => example.command.includes(API_KEY_PLACEHOLDER))).toBe(false);
  });

  it('says what each answer reports per item', () => {
    expect(
      apiKeyExamples({ origin: 'http://localhost', secret: null, now: NOW }).map((example) => example.answer),
    ).toEqual([
      'Up to 1,000 leads a request, created or updated by e-mail; an Idempotency-Key header makes a retry ' +
        'replay the first answer. The answer has one item per lead: CREATED, ' +
        'UPDATED or UNCHANGED with its id and stage, or REFUSED with the problems.',
      'Up to 10,000 events a request, or one per line as application/x-ndjson; an Idempotency-Key header makes ' +
        'a retry replay the first answer. The answer has one item per event: STORED, DUPLICATE (its externalId ' +
        'was sent before), UNMATCHED (no such lead yet) or REFUSED with the problems.',
    ]);
  });

  it('sends bodies that the lead and signal rules accept, the signal naming the lead', () => {
    const [leads, signals] = apiKeyExamples({ origin: 'http://localhost', secret: null, now: NOW });

    const lead = parseLeadFields(bodyOf(leads.command)[0]);
    const signal = parseSignalEvent(bodyOf(signals.command)[0], NOW);

    expect([lead.ok && lead.lead.email, signal.ok && signal.signal.lead.email]).toEqual([
      'ava.chen@northwind.example',
      'ava.chen@northwind.example',
    ]);
  });

  it('adds a CSV upload, a dry run of a leads file, for a key that may import', () => {
    const plain = apiKeyExamples({ origin: 'https://accord.example.com', secret: null, now: NOW });
    const examples = apiKeyExamples({
      origin: 'https://accord.example.com',
      secret: null,
      now: NOW,
      imports: true,
    });

    expect(plain.map((example) => example.id)).toEqual(['leads', 'signals']);
    expect(examples.map((example) => example.id)).toEqual(['leads', 'signals', 'import']);
    expect(examples[2].command).toBe(
      [
        'curl -X POST -T leads.csv \\',
        '  -H "Authorization: Bearer acc_…your key…" \\',
        '  -H "Content-Type: text/csv" \\',
        "  'https://accord.example.com/api/v1/imports/leads?dryRun=true&fileName=leads.csv'",
      ].join('\n'),
    );
  });
});

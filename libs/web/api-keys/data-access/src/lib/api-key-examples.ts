/** One machine endpoint's example request, ready to run in a shell, and what its answer holds. */
export interface ApiKeyExample {
  id: 'leads' | 'signals' | 'import';
  title: string;
  command: string;
  answer: string;
}

/** What an example sends as its key when no new secret is on screen. */
export const API_KEY_PLACEHOLDER = 'acc_…your key…';

const EXAMPLE_EMAIL = 'ava.chen@northwind.example';

/** An RFC 3339 instant to the second, as signals take it. */
function instant(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function curl(origin: string, path: string, key: string, body: unknown): string {
  return [
    `curl -X POST ${origin}${path} \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(body)}'`,
  ].join('\n');
}

/** A CSV upload's dry run: the file is the body, sent as it is read. */
function curlUpload(origin: string, key: string): string {
  return [
    `curl -X POST -T leads.csv \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    `  -H "Content-Type: text/csv" \\`,
    `  '${origin}/api/v1/imports/leads?dryRun=true&fileName=leads.csv'`,
  ].join('\n');
}

/**
 * curl commands for `POST /api/v1/leads` and `POST /api/v1/signals` on this origin, sending `secret` (else a
 * placeholder), and, for a key that may import (`imports`), a CSV upload. The lead comes first and the signal
 * names it, so that run in order neither is refused nor unmatched; the signal happens `now`, since one more than a
 * day ahead or before 2000 is refused.
 */
export function apiKeyExamples({
  origin,
  secret,
  now,
  imports = false,
}: {
  origin: string;
  secret: string | null;
  now: Date;
  imports?: boolean;
}): ApiKeyExample[] {
  const key = secret ?? API_KEY_PLACEHOLDER;
  const upload: ApiKeyExample = {
    id: 'import',
    title: 'Import a CSV file',
    command: curlUpload(origin, key),
    answer:
      'A dry run of a leads file (drop dryRun=true to import; accounts, opportunities, signals and sales-reps ' +
      "files go to their own path). The mapping saved for the file's header is used, else the one Accord " +
      'proposes; an X-Import-Mapping header sends another. The answer is the summary: created, updated, ' +
      'skipped and refused counts and the import id, whose row-by-row report is at /api/v1/imports/<id>/report.csv.',
  };
  return [
    {
      id: 'leads',
      title: 'Send leads',
      command: curl(origin, '/api/v1/leads', key, [
        {
          email: EXAMPLE_EMAIL,
          firstName: 'Ava',
          lastName: 'Chen',
          title: 'VP Marketing',
          companyName: 'Northwind',
          employeeCount: 250,
          source: 'Website',
        },
      ]),
      answer:
        'Up to 1,000 leads a request, created or updated by e-mail; an Idempotency-Key header makes a retry ' +
        'replay the first answer. The answer has one item per lead: CREATED, ' +
        'UPDATED or UNCHANGED with its id and stage, or REFUSED with the problems.',
    },
    {
      id: 'signals',
      title: 'Send signals',
      command: curl(origin, '/api/v1/signals', key, [
        {
          externalId: 'evt-8812',
          type: 'PRICING_PAGE_VISIT',
          occurredAt: instant(now),
          lead: { email: EXAMPLE_EMAIL },
          source: 'Website',
        },
      ]),
      answer:
        'Up to 10,000 events a request, or one per line as application/x-ndjson; an Idempotency-Key header makes ' +
        'a retry replay the first answer. The answer has one item per event: STORED, DUPLICATE (its externalId ' +
        'was sent before), UNMATCHED (no such lead yet) or REFUSED with the problems.',
    },
    ...(imports ? [upload] : []),
  ];
}

/** One machine endpoint's example request, ready to run in a shell, and what its answer holds. */
export interface ApiKeyExample {
  id: 'leads' | 'signals';
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

/**
 * curl commands for `POST /api/v1/leads` and `POST /api/v1/signals` on this origin, sending `secret` (else a
 * placeholder). The lead comes first and the signal names it, so that run in order neither is refused nor
 * unmatched; the signal happens `now`, since one more than a day ahead or before 2000 is refused.
 */
export function apiKeyExamples({
  origin,
  secret,
  now,
}: {
  origin: string;
  secret: string | null;
  now: Date;
}): ApiKeyExample[] {
  const key = secret ?? API_KEY_PLACEHOLDER;
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
  ];
}

import type { Role } from '@accord/domain/workspace';

/** What a CSV can import, and the fields of each kind with the header names CRMs use for them. */
export const IMPORT_KINDS = ['LEADS', 'ACCOUNTS', 'OPPORTUNITIES', 'SIGNALS', 'SALES_REPS'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How a cell is read: each type has one cleaner (see cleaners.ts). */
export type FieldType =
  | 'text'
  | 'email'
  | 'domain'
  | 'integer'
  | 'amount'
  | 'currency'
  | 'date'
  | 'boolean'
  | 'list'
  | 'country'
  | 'enum';

export interface ImportField {
  key: string;
  label: string;
  type: FieldType;
  /** A row without it is refused. */
  required: boolean;
  /** Header names that mean this field, beyond the key and label themselves (compared as normaliseKey does). */
  synonyms: readonly string[];
  /** For enum fields: the enumeration whose value mapping applies (see values.ts). */
  enumeration?: EnumerationName;
  maxLength?: number;
  /**
   * For an owner — a member the row can do without, given by e-mail or, as CRMs export it, by name ("Jane Doe"; see
   * OwnerDirectory): what becomes of the field when the cell is neither, noted, the row kept rather than refused.
   */
  whenNotAnAddress?: string;
}

export const ENUMERATIONS = ['SENIORITY', 'OPPORTUNITY_STAGE', 'SIGNAL_TYPE', 'LIFECYCLE_STAGE'] as const;
export type EnumerationName = (typeof ENUMERATIONS)[number];

const field = (
  key: string,
  label: string,
  type: FieldType,
  synonyms: readonly string[],
  extra: Partial<ImportField> = {},
): ImportField => ({ key, label, type, required: false, synonyms, ...extra });

/** The person fields of a lead or contact, and the company fields it carries. */
const PERSON_FIELDS: ImportField[] = [
  field(
    'email',
    'E-mail',
    'email',
    [
      'email address',
      'e-mail address',
      'mail',
      'work email',
      'business email',
      'courriel',
      'contact email',
      'emailaddress',
    ],
    { required: true },
  ),
  field('fullName', 'Full name', 'text', ['name', 'contact name', 'lead name', 'contact', 'nom complet'], {
    maxLength: 201,
  }),
  field(
    'firstName',
    'First name',
    'text',
    ['first', 'given name', 'forename', 'prenom', 'vorname', 'fname'],
    { maxLength: 100 },
  ),
  field('lastName', 'Last name', 'text', ['last', 'surname', 'family name', 'nom', 'nachname', 'lname'], {
    maxLength: 100,
  }),
  field(
    'title',
    'Job title',
    'text',
    ['title', 'position', 'role', 'job', 'job role', 'designation', 'poste'],
    { maxLength: 200 },
  ),
  field('seniority', 'Seniority', 'enum', ['level', 'job level', 'management level', 'seniority level'], {
    enumeration: 'SENIORITY',
  }),
  field('department', 'Department', 'text', ['dept', 'function', 'job function', 'team', 'service'], {
    maxLength: 100,
  }),
  field('budgetAuthority', 'Budget authority', 'boolean', [
    'budget',
    'decision maker',
    'has budget',
    'budget holder',
  ]),
];

const COMPANY_FIELDS: ImportField[] = [
  field(
    'companyName',
    'Company',
    'text',
    [
      'company name',
      'account',
      'account name',
      'organization',
      'organisation',
      'org',
      'employer',
      'societe',
      'entreprise',
      'firma',
      'unternehmen',
      // HubSpot's contacts, Salesforce's leads report.
      'associated company',
      'company / account',
    ],
    { maxLength: 200 },
  ),
  field('companyDomain', 'Company domain', 'domain', [
    'domain',
    'website',
    'web site',
    'url',
    'company website',
    'site',
    'company url',
    'homepage',
    'website url',
    'company domain name',
  ]),
  field('employeeCount', 'Employees', 'integer', [
    'employee count',
    'number of employees',
    'no of employees',
    'headcount',
    'company size',
    'size',
    'staff',
    'employes',
    'mitarbeiter',
    'nb employes',
  ]),
  field('annualRevenue', 'Annual revenue', 'amount', [
    'revenue',
    'annual revenue',
    'arr',
    'turnover',
    'sales',
    'chiffre d affaires',
    'umsatz',
  ]),
  field('industry', 'Industry', 'text', ['sector', 'vertical', 'industrie', 'secteur', 'branche'], {
    maxLength: 100,
  }),
  field('country', 'Country', 'country', [
    'country code',
    'nation',
    'pays',
    'land',
    'hq country',
    'billing country',
    'country/region',
  ]),
  field('technologies', 'Technologies', 'list', [
    'tech stack',
    'technology',
    'technographics',
    'tools',
    'stack',
  ]),
];

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  LEADS: [
    ...PERSON_FIELDS,
    ...COMPANY_FIELDS,
    field('source', 'Source', 'text', ['lead source', 'origin', 'channel', 'source name'], {
      maxLength: 100,
    }),
    field('campaign', 'Campaign', 'text', ['campaign name', 'utm campaign', 'campagne'], { maxLength: 200 }),
    field(
      'owner',
      'Owner e-mail',
      'email',
      [
        'owner',
        'lead owner',
        'contact owner',
        'owner email',
        'sales rep',
        'rep email',
        'assigned to',
        'account owner',
      ],
      { whenNotAnAddress: 'the owner is left as it was' },
    ),
    field('createdAt', 'Created', 'date', [
      'created',
      'created date',
      'create date',
      'created on',
      'date created',
      'creation date',
      'date de creation',
      'erstellt am',
      'erstellungsdatum',
    ]),
  ],
  ACCOUNTS: [
    field(
      'name',
      'Account name',
      'text',
      ['account', 'company', 'company name', 'organization', 'organisation', 'name', 'societe', 'entreprise'],
      { maxLength: 200 },
    ),
    field('domain', 'Domain', 'domain', [
      'website',
      'web site',
      'url',
      'company domain',
      'site',
      'homepage',
      'company website',
      'website url',
      'company domain name',
    ]),
    ...COMPANY_FIELDS.filter((item) => item.key !== 'companyName' && item.key !== 'companyDomain'),
  ],
  OPPORTUNITIES: [
    field(
      'externalId',
      'Opportunity id',
      'text',
      ['id', 'opportunity id', 'opp id', 'deal id', 'record id', 'external id', 'crm id'],
      { required: true, maxLength: 200 },
    ),
    field('leadEmail', 'Lead e-mail', 'email', [
      'email',
      'contact email',
      'lead email',
      'primary contact email',
      'contact',
      'associated contact email',
      'person email',
    ]),
    field('accountDomain', 'Account domain', 'domain', [
      'domain',
      'company domain',
      'website',
      'account website',
      'account domain',
      'company domain name',
      'organization website',
    ]),
    field(
      'accountName',
      'Account name',
      'text',
      [
        'account',
        'account name',
        'company',
        'company name',
        'organization',
        'organisation',
        'organization name',
        'customer',
        'associated company',
      ],
      { maxLength: 200 },
    ),
    field(
      'name',
      'Opportunity name',
      'text',
      ['opportunity', 'opportunity name', 'deal', 'deal name', 'name', 'title'],
      { maxLength: 200 },
    ),
    field(
      'owner',
      'Owner e-mail',
      'email',
      ['owner', 'opportunity owner', 'deal owner', 'owner email', 'sales rep', 'rep'],
      { whenNotAnAddress: 'the owner is left as it was (the importing member, for a new opportunity)' },
    ),
    field(
      'amount',
      'Amount',
      'amount',
      ['value', 'deal value', 'deal amount', 'opportunity amount', 'montant', 'betrag', 'acv', 'arr'],
      { required: true },
    ),
    field('currency', 'Currency', 'currency', ['currency code', 'devise', 'wahrung', 'amount currency']),
    field(
      'stage',
      'Stage',
      'enum',
      [
        'deal stage',
        'opportunity stage',
        'status',
        'pipeline stage',
        'phase',
        'etape',
        'won lost',
        'outcome',
      ],
      { required: true, enumeration: 'OPPORTUNITY_STAGE' },
    ),
    field('createdAt', 'Created', 'date', [
      'created',
      'created date',
      'create date',
      'opened',
      'open date',
      'engaged date',
      'date created',
      'creation date',
      'deal created',
    ]),
    field('closeDate', 'Close date', 'date', [
      'close',
      'closed date',
      'closed on',
      'date closed',
      'expected close date',
      'deal closed on',
      'close time',
      'closed time',
      'date de cloture',
    ]),
    // Pipedrive and others keep the day a deal was won apart from the day one was lost: each is a won or lost
    // deal's close date when the close date column is missing or empty.
    field('wonDate', 'Won date', 'date', ['won time', 'won on', 'date won', 'closed won date']),
    field('lostDate', 'Lost date', 'date', ['lost time', 'lost on', 'date lost', 'closed lost date']),
    field(
      'lostReason',
      'Lost reason',
      'text',
      ['loss reason', 'reason lost', 'closed lost reason', 'reason', 'motif de perte'],
      { maxLength: 500 },
    ),
  ],
  SIGNALS: [
    field(
      'externalId',
      'Activity id',
      'text',
      ['id', 'activity id', 'event id', 'signal id', 'record id', 'external id'],
      { required: true, maxLength: 200 },
    ),
    field('leadEmail', 'Lead e-mail', 'email', ['email', 'contact email', 'lead email', 'contact']),
    field('companyDomain', 'Company domain', 'domain', ['domain', 'account domain', 'website']),
    field(
      'type',
      'Type',
      'enum',
      ['activity type', 'event type', 'signal type', 'event', 'activity', 'action'],
      { required: true, enumeration: 'SIGNAL_TYPE' },
    ),
    field('occurredAt', 'Occurred at', 'date', [
      'date',
      'timestamp',
      'occurred',
      'activity date',
      'event date',
      'time',
      'created',
      'when',
    ]),
    field('source', 'Source', 'text', ['origin', 'channel', 'tool'], { maxLength: 100 }),
  ],
  SALES_REPS: [
    field(
      'email',
      'E-mail',
      'email',
      [
        'email address',
        'e-mail address',
        'rep email',
        'sales rep email',
        'user email',
        'work email',
        'mail',
        'courriel',
        'login',
      ],
      { required: true },
    ),
    field(
      'name',
      'Name',
      'text',
      ['full name', 'rep name', 'rep', 'user', 'user name', 'sales rep', 'member', 'nom', 'nom complet'],
      { maxLength: 120 },
    ),
    field('manager', 'Manager e-mail', 'email', [
      'manager',
      'manager email',
      'manager email address',
      'reports to',
      'supervisor',
      'line manager',
      'team lead',
      'responsable',
      'vorgesetzter',
    ]),
    field(
      'team',
      'Team / region',
      'text',
      ['team', 'region', 'territory', 'team name', 'sales team', 'segment', 'area', 'zone', 'pod', 'equipe'],
      { maxLength: 100 },
    ),
  ],
};

/**
 * Who may import each kind. Sales reps become members of the workspace, which only admins may add (as they
 * alone invite on the Members page); the other kinds are data that marketing brings too.
 */
export const IMPORT_ROLES: Record<ImportKind, readonly Role[]> = {
  LEADS: ['ADMIN', 'MARKETING'],
  ACCOUNTS: ['ADMIN', 'MARKETING'],
  OPPORTUNITIES: ['ADMIN', 'MARKETING'],
  SIGNALS: ['ADMIN', 'MARKETING'],
  SALES_REPS: ['ADMIN'],
};

export function importFields(kind: ImportKind): readonly ImportField[] {
  return IMPORT_FIELDS[kind];
}

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

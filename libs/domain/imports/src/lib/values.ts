import {
  ACTIVITY_SIGNAL_TYPES,
  SENIORITIES,
  SENIORITY_LABELS,
  STANDARD_SIGNAL_TYPES,
  signalTypeLabel,
} from '@accord/domain/agreement';
import { LIFECYCLE_STAGES, LIFECYCLE_STAGE_LABELS } from '@accord/domain/leads';
import { OPPORTUNITY_STAGES, OPPORTUNITY_STAGE_LABELS } from '@accord/domain/pipeline';

import type { EnumerationName } from './fields';
import { closestKey, normaliseKey } from './text';

/** The values each enumeration accepts; null where any well-formed value is accepted (custom signal types). */
export const ENUMERATION_VALUES: Record<EnumerationName, readonly string[] | null> = {
  SENIORITY: SENIORITIES,
  OPPORTUNITY_STAGE: OPPORTUNITY_STAGES,
  SIGNAL_TYPE: null,
  LIFECYCLE_STAGE: LIFECYCLE_STAGES,
};

const VALUE_LABELS: Record<EnumerationName, Readonly<Record<string, string>> | null> = {
  SENIORITY: SENIORITY_LABELS,
  OPPORTUNITY_STAGE: OPPORTUNITY_STAGE_LABELS,
  SIGNAL_TYPE: null,
  LIFECYCLE_STAGE: LIFECYCLE_STAGE_LABELS,
};

/**
 * How the app names one of an enumeration's values to people — "Proof of concept" for PROOF_OF_CONCEPT,
 * "E-mail sent" for EMAIL_SENT, a custom signal type in words — so that the import's report speaks as the
 * value-mapping step's choices do. The value itself is what a mapping records and the API takes.
 */
export function enumValueLabel(enumeration: EnumerationName, value: string): string {
  const labels = VALUE_LABELS[enumeration];
  return (labels && Object.hasOwn(labels, value) ? labels[value] : undefined) ?? signalTypeLabel(value);
}

/**
 * What the value-mapping step offers for each enumeration: its values — and for signal types, which take any
 * well-formed custom type, the standard intent and activity types ("Web Visit" → PRICING_PAGE_VISIT). Without them
 * a file's own type names could only be refused in the web app.
 */
export const ENUMERATION_CHOICES: Record<EnumerationName, readonly string[]> = {
  SENIORITY: SENIORITIES,
  OPPORTUNITY_STAGE: OPPORTUNITY_STAGES,
  SIGNAL_TYPE: [...STANDARD_SIGNAL_TYPES, ...ACTIVITY_SIGNAL_TYPES],
  LIFECYCLE_STAGE: LIFECYCLE_STAGES,
};

/** Names CRMs and people use for Accord's values, beyond the values themselves. */
const BUILT_IN_SYNONYMS: Record<EnumerationName, Record<string, readonly string[]>> = {
  SENIORITY: {
    C_LEVEL: [
      'c level',
      'c-suite',
      'c suite',
      'cxo',
      'executive',
      'chief',
      'owner',
      'founder',
      'president',
      'partner',
    ],
    VP: ['vice president', 'vp level', 'svp', 'evp', 'head'],
    DIRECTOR: ['director level', 'directeur', 'senior director'],
    MANAGER: ['manager level', 'management', 'lead', 'team lead', 'supervisor'],
    INDIVIDUAL: [
      'individual contributor',
      'ic',
      'staff',
      'entry',
      'entry level',
      'senior',
      'non manager',
      'employee',
      'specialist',
    ],
    STUDENT: ['intern', 'trainee', 'apprentice'],
  },
  OPPORTUNITY_STAGE: {
    DISCOVERY: [
      'prospecting',
      'qualification',
      'qualify',
      'needs analysis',
      'new',
      'open',
      'discovery call',
      'appointment scheduled',
      'sql',
      'lead',
    ],
    DEMO: [
      'demo scheduled',
      'demonstration',
      'presentation',
      'value proposition',
      'solution presentation',
      'presentation scheduled',
      'evaluation',
    ],
    PROOF_OF_CONCEPT: [
      'poc',
      'pilot',
      'trial',
      'proof of concept',
      'technical validation',
      'id decision makers',
      'perception analysis',
    ],
    NEGOTIATION: [
      'negotiation review',
      'negotiation/review',
      'proposal',
      'proposal price quote',
      'quote',
      'contract sent',
      'decision maker bought in',
      'contracting',
      'commit',
      'verbal',
    ],
    WON: [
      'closed won',
      'closedwon',
      'won',
      'win',
      'booked',
      'signed',
      'closed - won',
      'gagne',
      'gewonnen',
      'success',
    ],
    LOST: [
      'closed lost',
      'closedlost',
      'lost',
      'loss',
      'closed - lost',
      'dead',
      'perdu',
      'verloren',
      'disqualified',
      'no decision',
    ],
  },
  SIGNAL_TYPE: {
    PRICING_PAGE_VISIT: ['pricing visit', 'pricing page', 'viewed pricing', 'pricing view'],
    DEMO_REQUEST: ['demo requested', 'request demo', 'demo request form', 'contact sales'],
    CONTENT_DOWNLOAD: ['download', 'ebook download', 'whitepaper download', 'content', 'asset download'],
    WEBINAR_ATTENDED: ['webinar', 'attended webinar', 'webinar attendance', 'event attended'],
    EMAIL_CLICK: ['email clicked', 'clicked email', 'link click', 'email link click'],
    TOPIC_SURGE: ['intent surge', 'bombora surge', 'surge'],
    EMAIL_SENT: ['email', 'sent email', 'outbound email', 'email outbound'],
    CALL_MADE: ['call', 'phone call', 'outbound call', 'call logged', 'dial'],
    MEETING_BOOKED: ['meeting', 'meeting scheduled', 'meeting set', 'appointment', 'booked meeting'],
  },
  LIFECYCLE_STAGE: {
    LEAD: ['new', 'subscriber', 'prospect', 'open'],
    MQL: ['marketing qualified', 'marketing qualified lead'],
    SAL: ['sales accepted', 'sales accepted lead', 'accepted'],
    SQL: ['sales qualified', 'sales qualified lead', 'qualified'],
    OPPORTUNITY: ['opp', 'in pipeline'],
    WON: ['customer', 'closed won'],
    LOST: ['closed lost'],
    NURTURE: ['recycled', 'nurturing'],
    DISQUALIFIED: ['unqualified', 'junk', 'bad fit'],
  },
};

/** Every known spelling of an enumeration → its value, keyed as normaliseKey writes them. */
const KNOWN = new Map<EnumerationName, Map<string, string>>();
for (const [name, synonyms] of Object.entries(BUILT_IN_SYNONYMS) as [
  EnumerationName,
  Record<string, readonly string[]>,
][]) {
  const map = new Map<string, string>();
  const values = ENUMERATION_VALUES[name] ?? Object.keys(synonyms);
  for (const value of values) map.set(normaliseKey(value), value);
  for (const [value, spellings] of Object.entries(synonyms))
    for (const spelling of spellings)
      if (!map.has(normaliseKey(spelling))) map.set(normaliseKey(spelling), value);
  KNOWN.set(name, map);
}

export type EnumResult = { ok: true; value: string; note: string | null } | { ok: false; reason: string };

/**
 * Reads one enumeration cell: the import's own value mapping first (as written, then ignoring case, accents,
 * spacing and punctuation — never letters or digits, of any script), then Accord's values and synonyms, then the
 * same within a typo or two (noted). Custom signal types in upper case pass as they are.
 */
export function mapEnumValue(
  enumeration: EnumerationName,
  raw: string,
  custom: Record<string, string> = {},
): EnumResult {
  const trimmed = raw.trim();
  if (Object.prototype.hasOwnProperty.call(custom, trimmed))
    return { ok: true, value: custom[trimmed], note: null };
  const key = normaliseKey(trimmed);
  // A value of punctuation alone keys as "": only its exact spelling (above) places it.
  if (key !== '') {
    for (const [from, to] of Object.entries(custom))
      if (normaliseKey(from) === key) return { ok: true, value: to, note: null };
    const known = KNOWN.get(enumeration) ?? new Map<string, string>();
    const label = (value: string) => `"${enumValueLabel(enumeration, value)}"`;
    const exact = known.get(key);
    if (exact)
      return {
        ok: true,
        value: exact,
        // "Individual contributor" is the label of INDIVIDUAL: a note would say it was read as itself.
        note:
          normaliseKey(exact) === key || normaliseKey(enumValueLabel(enumeration, exact)) === key
            ? null
            : `"${trimmed}" read as ${label(exact)}`,
      };
    const close = closestKey(key, known.keys());
    if (close) {
      const value = known.get(close) as string;
      return { ok: true, value, note: `"${trimmed}" read as ${label(value)} (typo)` };
    }
  }
  if (enumeration === 'SIGNAL_TYPE' && /^[A-Z][A-Z0-9_]{1,49}$/.test(trimmed))
    return { ok: true, value: trimmed, note: null };
  const allowed = ENUMERATION_VALUES[enumeration];
  const labels = (values: readonly string[]) => values.map((value) => enumValueLabel(enumeration, value));
  return {
    ok: false,
    reason: allowed
      ? `"${trimmed}" is not a known value; map it to one of ${labels(allowed).join(', ')}`
      : `"${trimmed}" is not a known type; map it to a type such as ${labels([STANDARD_SIGNAL_TYPES[0], ACTIVITY_SIGNAL_TYPES[0]]).join(' or ')}, or write a type of your own in capitals (TRADE_SHOW_VISIT)`,
  };
}

/** The distinct values the built-in synonyms cannot place, for the value-mapping step of the web app. */
export function unmappedValues(
  enumeration: EnumerationName,
  values: Iterable<string>,
  custom: Record<string, string> = {},
): string[] {
  const out = new Set<string>();
  for (const value of values)
    if (value.trim() !== '' && !mapEnumValue(enumeration, value, custom).ok) out.add(value.trim());
  return [...out];
}

import { randomUUID } from 'node:crypto';

import { copyField, copyTextArray } from './copy';
import {
  BUDGET_SHARE,
  CAMPAIGNS,
  CHIEF,
  COMPANY_KINDS,
  COMPANY_WORDS,
  COUNTRIES,
  DEPARTMENTS,
  FIRST_NAMES,
  INDIVIDUAL_TITLES,
  INDUSTRIES,
  LAST_NAMES,
  PERSONAL_DOMAINS,
  SENIORITY,
  SIGNAL_TYPES,
  SOURCES,
  TECHNOLOGIES,
  type Weighted,
} from './lead-vocabulary';

/** The columns generateLeads writes, in order, as the target of `COPY … FROM STDIN`. */
export const LEADS_COPY_TARGET = `leads (workspace_id, id, email, first_name, last_name, title, seniority, department,
  budget_authority, company_name, company_domain, employee_count, annual_revenue, industry, country, technologies,
  source, campaign, owner_id, stage, stage_changed_at, recycle_until, signal_summary, signal_count, last_signal_at,
  created_at, updated_at)`;

/**
 * Where the leads of a workspace that has been working for a while sit: most were scored and parked in nurture,
 * a tenth are new. A first rescore moves every LEAD (and nurtured leads that now make MQL), so this mix decides
 * how much of a rescore is stage moves.
 */
export const WORKED_FUNNEL: Weighted<string> = [
  ['LEAD', 10],
  ['NURTURE', 50],
  ['MQL', 12],
  ['SAL', 6],
  ['SQL', 5],
  ['OPPORTUNITY', 4],
  ['WON', 2],
  ['LOST', 4],
  ['DISQUALIFIED', 7],
];

export interface LeadSetOptions {
  workspaceId: string;
  leads: number;
  /** Signals over all leads; each lead's summary holds its share (newest first, per type). */
  signals: number;
  /** Sales members who own the leads handed over to sales. */
  ownerIds: readonly string[];
  now: Date;
  stages?: Weighted<string>;
  seed?: number;
}

export interface GeneratedLead {
  id: string;
  email: string;
  /** The lead as one COPY text-format row of LEADS_COPY_TARGET, newline included. */
  line: string;
}

const DAY_MS = 86_400_000;
/** The most times a summary keeps per type (LIMITS.cap in @accord/domain/agreement). */
const SUMMARY_CAP = 1_000;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same workspace. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function picker<T>(entries: Weighted<T>, random: () => number): () => T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let running = 0;
  const cumulative = entries.map(([, weight]) => (running += weight / total));
  return () => {
    const r = random();
    const index = cumulative.findIndex((bound) => r < bound);
    return entries[index < 0 ? entries.length - 1 : index][0];
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function item<T>(values: readonly T[], random: () => number): T {
  return values[Math.floor(random() * values.length)];
}

interface Company {
  name: string;
  domain: string;
  employees: number | null;
  revenue: number | null;
  industry: string | null;
  country: string | null;
  technologies: string[];
}

function makeCompanies(count: number, random: () => number): Company[] {
  const industry = picker(INDUSTRIES, random);
  const country = picker(COUNTRIES, random);
  return Array.from({ length: count }, (_, index) => {
    const name = `${item(COMPANY_WORDS, random)} ${item(COMPANY_KINDS, random)}`;
    // Log-normal sizes: a median near 90 employees and a long tail of large enterprises.
    const employees = Math.min(300_000, Math.max(1, Math.round(Math.exp(4.5 + 1.6 * normal(random)))));
    const revenuePerHead = Math.exp(Math.log(150_000) + 0.6 * normal(random));
    return {
      name,
      domain: `${name.toLowerCase().replace(/\s+/g, '')}${index}.example`,
      employees: random() < 0.08 ? null : employees,
      revenue: random() < 0.15 ? null : Math.round((employees * revenuePerHead) / 1000) * 1000,
      industry: random() < 0.06 ? null : industry(),
      country: random() < 0.04 ? null : country(),
      technologies: TECHNOLOGIES.filter(([, share]) => random() < share).map(([name]) => name),
    };
  });
}

function titleFor(seniority: string | null, department: string | null, random: () => number): string | null {
  if (random() < 0.06) return null;
  const dept = department ?? 'Operations';
  switch (seniority) {
    case 'C_LEVEL':
      return CHIEF[dept] ?? 'CEO';
    case 'VP':
      return random() < 0.5 ? `VP ${dept}` : `Vice President of ${dept}`;
    case 'DIRECTOR':
      return random() < 0.5 ? `Director of ${dept}` : `${dept} Director`;
    case 'MANAGER':
      return `${dept} Manager`;
    case 'STUDENT':
      return item(['Student', 'MBA Candidate', 'Intern'], random);
    default:
      return item(INDIVIDUAL_TITLES[dept] ?? ['Analyst'], random);
  }
}

/** Splits `total` signals over `leads` leads: a third have none, the rest a heavy-tailed share; sums exactly. */
function signalCounts(leads: number, total: number, random: () => number): Int32Array {
  const weights = new Float64Array(leads);
  let sum = 0;
  for (let i = 0; i < leads; i++) {
    weights[i] = random() < 0.3 ? 0 : Math.min(60, Math.exp(1.1 * normal(random)));
    sum += weights[i];
  }
  const counts = new Int32Array(leads);
  let assigned = 0;
  for (let i = 0; i < leads; i++) {
    counts[i] = Math.floor((total * weights[i]) / sum);
    assigned += counts[i];
  }
  while (assigned < total) {
    const i = Math.floor(random() * leads);
    if (weights[i] > 0) {
      counts[i] += 1;
      assigned += 1;
    }
  }
  return counts;
}

/** The lead's signal summary as jsonb text (per type, epoch-ms times newest first), and its newest time. */
function summaryOf(
  count: number,
  nowMs: number,
  type: () => string,
  random: () => number,
): { json: string; newest: number | null } {
  if (count === 0) return { json: '{}', newest: null };
  const byType = new Map<string, number[]>();
  let newest = 0;
  for (let i = 0; i < count; i++) {
    // Ages are exponential with a 45-day mean: recent activity dominates, with a two-year tail.
    const ageMs = Math.min(730 * DAY_MS, Math.floor(-Math.log(1 - random()) * 45 * DAY_MS));
    const time = nowMs - ageMs - Math.floor(random() * 60_000);
    newest = Math.max(newest, time);
    const key = type();
    const times = byType.get(key);
    if (times) times.push(time);
    else byType.set(key, [time]);
  }
  const parts = [...byType].map(
    ([key, times]) =>
      `"${key}":[${times
        .sort((a, b) => b - a)
        .slice(0, SUMMARY_CAP)
        .join(',')}]`,
  );
  return { json: `{${parts.join(',')}}`, newest };
}

/**
 * A workspace's leads with realistic, varied firmographics (log-normal company sizes and revenue, weighted
 * industries, countries, seniorities and technologies, about one in eight e-mails at a personal mailbox, gaps
 * where enrichment found nothing) and signal summaries that add up to exactly `signals` signals. Generated one
 * lead at a time, so a million never sit in memory.
 */
export function* generateLeads(options: LeadSetOptions): Generator<GeneratedLead> {
  const random = seededRandom(options.seed ?? 20261125);
  const nowMs = options.now.getTime();
  const companies = makeCompanies(Math.max(100, Math.ceil(options.leads / 20)), random);
  const counts = signalCounts(options.leads, options.signals, random);
  const seniority = picker(SENIORITY, random);
  const department = picker(DEPARTMENTS, random);
  const personal = picker(PERSONAL_DOMAINS, random);
  const stage = picker(options.stages ?? WORKED_FUNNEL, random);
  const signalType = picker(SIGNAL_TYPES, random);
  const source = picker(SOURCES, random);
  const iso = (ms: number) => new Date(ms).toISOString();

  for (let index = 0; index < options.leads; index++) {
    // Squaring skews towards the first companies: a few accounts have hundreds of contacts, most a handful.
    const company = companies[Math.floor(random() ** 2 * companies.length)];
    const first = item(FIRST_NAMES, random);
    const last = item(LAST_NAMES, random);
    const isPersonal = random() < 0.12;
    const local = `${first}.${last}.${index.toString(36)}`.toLowerCase();
    const email = `${local}@${isPersonal ? personal() : company.domain}`;
    // Enrichment finds the employer behind most personal addresses, not all.
    const known = !isPersonal || random() < 0.7;
    const level = seniority();
    const dept = department();
    const leadStage = stage();
    const { json, newest } = summaryOf(counts[index], nowMs, signalType, random);
    const createdMs = nowMs - Math.floor((1 + random() * 729) * DAY_MS);
    const stageChangedMs = createdMs + Math.floor(random() * (nowMs - createdMs - 60_000));
    const updatedMs = Math.max(createdMs, stageChangedMs, newest ?? 0);
    const handedOver = ['SAL', 'SQL', 'OPPORTUNITY', 'WON', 'LOST'].includes(leadStage);
    const recycling = leadStage === 'NURTURE' && random() < 0.25;
    const budget = level === null || random() < 0.3 ? null : random() < (BUDGET_SHARE[level] ?? 0);
    const id = randomUUID();
    const fields = [
      options.workspaceId,
      id,
      email,
      first,
      last,
      titleFor(level, dept, random),
      level,
      dept,
      budget,
      known ? company.name : null,
      known && (!isPersonal || random() < 0.5) ? company.domain : null,
      known ? company.employees : null,
      known ? company.revenue : null,
      known ? company.industry : null,
      known ? company.country : null,
      copyTextArray(known ? company.technologies : []),
      source(),
      item(CAMPAIGNS, random),
      handedOver && options.ownerIds.length > 0 ? item(options.ownerIds, random) : null,
      leadStage,
      iso(stageChangedMs),
      recycling ? iso(nowMs + Math.floor(random() * 120 * DAY_MS)) : null,
      json,
      counts[index],
      newest === null ? null : iso(newest),
      iso(createdMs),
      iso(updatedMs),
    ];
    yield { id, email, line: `${fields.map(copyField).join('\t')}\n` };
  }
}

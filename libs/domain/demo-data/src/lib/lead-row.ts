import { LIMITS } from '@accord/domain/agreement';
import type { SignalSummary } from '@accord/domain/leads';
import { type LeadFacts, emailDomainOf } from '@accord/domain/scoring';

import type { LeadRow, SignalRow } from './model';
import type { Company, Contact } from './people';
import type { Random } from './random';

const DAY_MS = 86_400_000;

/** The first intent signal of a lead, by how it came in. */
const FIRST_TOUCH: Readonly<Record<string, string>> = {
  Website: 'PRICING_PAGE_VISIT',
  Webinar: 'WEBINAR_ATTENDED',
  Events: 'CONTENT_DOWNLOAD',
  'Paid Search': 'PRICING_PAGE_VISIT',
  Content: 'CONTENT_DOWNLOAD',
  Referral: 'DEMO_REQUEST',
  Partner: 'WEBINAR_ATTENDED',
  Import: 'EMAIL_CLICK',
};

const SIGNAL_SOURCES: Readonly<Record<string, string>> = {
  PRICING_PAGE_VISIT: 'website',
  DEMO_REQUEST: 'website',
  CONTENT_DOWNLOAD: 'website',
  WEBINAR_ATTENDED: 'webinar',
  EMAIL_CLICK: 'email',
  TOPIC_SURGE: 'intent-provider',
};

/** The facts scoring reads, from a lead row. */
export function leadFacts(lead: LeadRow): LeadFacts {
  return {
    employeeCount: lead.employeeCount,
    annualRevenue: lead.annualRevenue,
    industry: lead.industry,
    country: lead.country,
    technologies: lead.technologies,
    seniority: lead.seniority,
    department: lead.department,
    emailDomain: emailDomainOf(lead.email),
    title: lead.title,
    budgetAuthority: lead.budgetAuthority,
  };
}

/** Per type, the times of `signals` newest first, at most as many as the product keeps (LIMITS.cap). */
export function summaryOf(signals: readonly SignalRow[]): SignalSummary {
  const summary: SignalSummary = {};
  for (const signal of signals) (summary[signal.type] ??= []).push(signal.occurredAt.getTime());
  for (const type of Object.keys(summary))
    summary[type] = summary[type].sort((a, b) => b - a).slice(0, LIMITS.cap);
  return summary;
}

/**
 * Bursts of intent: the first touch at creation, then more the more interested the lead is. Each event's id holds
 * its lead's, since a sender's id is unique in the workspace (a second seeding into it must not collide).
 */
export function intentSignals(
  random: Random,
  lead: LeadRow,
  interest: number,
  now: Date,
): SignalRow[] {
  const signals: SignalRow[] = [];
  const add = (type: string, at: number) => {
    if (at >= now.getTime()) return;
    signals.push({
      externalId: `seed-${lead.id}-${signals.length}`,
      type,
      occurredAt: new Date(at),
      source: SIGNAL_SOURCES[type] ?? 'website',
    });
  };
  const created = lead.createdAt.getTime();
  add(FIRST_TOUCH[lead.source ?? 'Import'] ?? 'EMAIL_CLICK', created + random.int(1, 600) * 1000);
  const bursts = Math.floor(interest * 3.2 + random.next() * 1.5);
  let at = created;
  for (let burst = 0; burst < bursts; burst++) {
    at += random.exponential(burst === 0 ? 10 * DAY_MS : 40 * DAY_MS);
    const size = 1 + Math.floor(random.exponential(1 + 3 * interest));
    for (let k = 0; k < size; k++) {
      const when = at + random.exponential(2 * DAY_MS);
      const r = random.next();
      const type =
        r < 0.12 * interest
          ? 'DEMO_REQUEST'
          : r < 0.45 * interest + 0.05
            ? 'PRICING_PAGE_VISIT'
            : r < 0.55
              ? 'EMAIL_CLICK'
              : r < 0.75
                ? 'CONTENT_DOWNLOAD'
                : r < 0.88
                  ? 'WEBINAR_ATTENDED'
                  : 'TOPIC_SURGE';
      add(type, when);
    }
  }
  return signals.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** The lead as created: known company facts, no stage history yet. */
export function leadRow(id: string, company: Company, contact: Contact, createdAt: Date): LeadRow {
  const known = contact.known;
  return {
    id,
    email: contact.email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    title: contact.title,
    seniority: contact.seniority,
    department: contact.department,
    budgetAuthority: contact.budgetAuthority,
    companyName: known ? company.name : null,
    // The product defaults the domain to the e-mail's, except for personal mailboxes.
    companyDomain: contact.personal ? null : company.domain,
    employeeCount: known ? company.employees : null,
    annualRevenue: known ? company.revenue : null,
    industry: known ? company.industry : null,
    country: known ? company.country : null,
    technologies: known ? [...company.technologies] : [],
    source: contact.source,
    campaign: contact.campaign,
    ownerId: null,
    stage: 'LEAD',
    stageChangedAt: createdAt,
    recycleUntil: null,
    signalSummary: {},
    signalCount: 0,
    lastSignalAt: null,
    createdAt,
    updatedAt: createdAt,
  };
}

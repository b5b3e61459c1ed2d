import { Injectable } from '@nestjs/common';

import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';

import { LeadsService } from './leads.service';
import { SignalIngestionService } from './signal-ingestion.service';

const COMPANIES = [
  {
    name: 'Northwind Analytics',
    domain: 'northwind.example',
    employees: 420,
    revenue: 48e6,
    industry: 'Software',
    country: 'US',
    tech: ['Salesforce', 'Snowflake'],
  },
  {
    name: 'Blue Harbor Bank',
    domain: 'blueharbor.example',
    employees: 3200,
    revenue: 900e6,
    industry: 'Financial Services',
    country: 'GB',
    tech: ['HubSpot'],
  },
  {
    name: 'Kestrel Robotics',
    domain: 'kestrel.example',
    employees: 150,
    revenue: 22e6,
    industry: 'Manufacturing',
    country: 'DE',
    tech: ['SAP'],
  },
  {
    name: 'Lumen Health',
    domain: 'lumen.example',
    employees: 800,
    revenue: 120e6,
    industry: 'Healthcare',
    country: 'US',
    tech: ['Salesforce'],
  },
  {
    name: 'Pinecrest SaaS',
    domain: 'pinecrest.example',
    employees: 95,
    revenue: 9e6,
    industry: 'SaaS',
    country: 'CA',
    tech: ['HubSpot', 'Slack'],
  },
  {
    name: 'Orbital Logistics',
    domain: 'orbital.example',
    employees: 2100,
    revenue: 400e6,
    industry: 'Logistics',
    country: 'FR',
    tech: [],
  },
  {
    name: 'Quill Media',
    domain: 'quill.example',
    employees: 35,
    revenue: 3e6,
    industry: 'Media',
    country: 'NL',
    tech: ['HubSpot'],
  },
  {
    name: 'Vantage Cloud',
    domain: 'vantage.example',
    employees: 610,
    revenue: 75e6,
    industry: 'Internet',
    country: 'US',
    tech: ['Salesforce', 'Segment'],
  },
];

const PEOPLE = [
  {
    first: 'Ava',
    last: 'Chen',
    title: 'VP Marketing',
    seniority: 'VP',
    department: 'Marketing',
    budget: true,
  },
  {
    first: 'Liam',
    last: 'Okafor',
    title: 'Director of Revenue Operations',
    seniority: 'DIRECTOR',
    department: 'Operations',
    budget: true,
  },
  {
    first: 'Sofia',
    last: 'Rossi',
    title: 'Marketing Manager',
    seniority: 'MANAGER',
    department: 'Marketing',
    budget: false,
  },
  {
    first: 'Noah',
    last: 'Schmidt',
    title: 'Software Engineer',
    seniority: 'INDIVIDUAL',
    department: 'Engineering',
    budget: false,
  },
  {
    first: 'Mia',
    last: 'Dubois',
    title: 'Chief Growth Officer',
    seniority: 'C_LEVEL',
    department: 'Executive',
    budget: true,
  },
];

const SIGNAL_PLANS = [
  [
    ['DEMO_REQUEST', 1],
    ['PRICING_PAGE_VISIT', 3],
    ['WEBINAR_ATTENDED', 6],
  ],
  [
    ['PRICING_PAGE_VISIT', 2],
    ['PRICING_PAGE_VISIT', 5],
    ['CONTENT_DOWNLOAD', 9],
  ],
  [
    ['CONTENT_DOWNLOAD', 20],
    ['EMAIL_CLICK', 12],
  ],
  [
    ['EMAIL_SENT', 2],
    ['CALL_MADE', 1],
  ],
  [],
] as const;

/**
 * Gives the demo workspace leads across companies and seniorities, with intent signals from hot to none, so
 * that the lead list, explanations and (after the first rescore) the MQL stage show something real.
 */
@Injectable()
export class LeadsDemoSeeder {
  constructor(
    private readonly leads: LeadsService,
    private readonly ingestion: SignalIngestionService,
    private readonly clock: Clock,
  ) {}

  async seed(marketing: AuthMember): Promise<number> {
    const now = this.clock.now();
    const events: unknown[] = [];
    let count = 0;
    for (const [companyIndex, company] of COMPANIES.entries()) {
      for (const [personIndex, person] of PEOPLE.entries()) {
        const email = `${person.first}.${person.last}@${company.domain}`.toLowerCase();
        await this.leads.create(marketing, {
          email,
          firstName: person.first,
          lastName: person.last,
          title: person.title,
          seniority: person.seniority,
          department: person.department,
          budgetAuthority: person.budget,
          companyName: company.name,
          companyDomain: company.domain,
          employeeCount: company.employees,
          annualRevenue: company.revenue,
          industry: company.industry,
          country: company.country,
          technologies: [...company.tech],
          source: companyIndex % 2 === 0 ? 'Website' : 'Events',
          campaign: personIndex % 2 === 0 ? 'Q4 pricing webinar' : 'RevOps guide',
        });
        count += 1;
        const plan = SIGNAL_PLANS[(companyIndex + personIndex) % SIGNAL_PLANS.length];
        plan.forEach(([type, daysAgo], index) =>
          events.push({
            externalId: `demo-${email}-${index}`,
            type,
            occurredAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
            lead: { email },
            source: 'demo',
          }),
        );
      }
    }
    await this.ingestion.ingest({ workspaceId: marketing.workspaceId }, events, now, 'now');
    return count;
  }
}

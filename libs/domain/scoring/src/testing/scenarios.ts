import type { EvaluationInput } from '../lib/evaluation';
import { emailDomainOf } from '../lib/lead';
import { NOW, daysAgo, signal, starter, unknownLead } from './fixtures';

/** A VP of Marketing holding budget at a 500-person SaaS company in the US; asked for a demo a month ago. */
export function vpOfMarketing(): EvaluationInput {
  return {
    lead: unknownLead({
      employeeCount: 500,
      industry: 'SaaS',
      country: 'US',
      technologies: ['Salesforce'],
      seniority: 'VP',
      department: 'Marketing',
      emailDomain: emailDomainOf('dana@acme.io'),
      title: 'VP Marketing',
      budgetAuthority: true,
    }),
    signals: [
      signal('DEMO_REQUEST', daysAgo(30)),
      signal('PRICING_PAGE_VISIT', daysAgo(0)),
      signal('PRICING_PAGE_VISIT', daysAgo(14)),
      signal('PRICING_PAGE_VISIT', daysAgo(28)),
      signal('EMAIL_SENT', daysAgo(2)),
    ],
    version: { id: 'version-1', document: starter() },
    now: NOW,
  };
}

/** A student with a gmail address who downloaded one e-book three weeks ago. */
export function gmailStudent(): EvaluationInput {
  return {
    lead: unknownLead({
      seniority: 'STUDENT',
      emailDomain: emailDomainOf('kim@gmail.com'),
      title: 'Student',
    }),
    signals: [signal('CONTENT_DOWNLOAD', daysAgo(21))],
    version: { id: 'version-1', document: starter() },
    now: NOW,
  };
}

import type { Weighted } from './random';

// What generated workspaces are made of. ICP-like companies are drawn from the markets, sizes, industries and
// tools the demo agreement's fit criteria reward; the others from everything else a B2B database holds.

export const ICP_INDUSTRIES: Weighted<string> = [
  ['Software', 10],
  ['SaaS', 7],
  ['Internet', 5],
  ['Financial Services', 3],
];
export const OTHER_INDUSTRIES: Weighted<string> = [
  ['Financial Services', 6],
  ['Healthcare', 8],
  ['Manufacturing', 9],
  ['Retail', 8],
  ['Education', 5],
  ['Logistics', 4],
  ['Media', 4],
  ['Telecommunications', 3],
  ['Energy', 3],
  ['Government', 3],
  ['Nonprofit', 3],
  ['Real Estate', 3],
  ['Hospitality', 3],
  ['Construction', 3],
  ['Consulting', 4],
  ['Software', 3],
];
export const CORE_COUNTRIES: Weighted<string> = [
  ['US', 40],
  ['GB', 12],
  ['DE', 11],
  ['FR', 7],
  ['CA', 7],
  ['NL', 5],
];
export const OTHER_COUNTRIES: Weighted<string> = [
  ['IN', 6],
  ['BR', 4],
  ['AU', 3],
  ['ES', 3],
  ['IT', 3],
  ['JP', 3],
  ['SE', 2],
  ['CH', 2],
  ['MX', 2],
  ['PL', 2],
  ['IE', 1],
  ['SG', 1],
  ['ZA', 1],
];
/** Each technology with the share of ICP-like and of other companies using it. */
export const TECHNOLOGIES: readonly (readonly [string, number, number])[] = [
  ['Salesforce', 0.45, 0.15],
  ['HubSpot', 0.35, 0.12],
  ['Slack', 0.6, 0.25],
  ['AWS', 0.55, 0.25],
  ['Google Analytics', 0.6, 0.45],
  ['Jira', 0.45, 0.15],
  ['Segment', 0.15, 0.02],
  ['Snowflake', 0.15, 0.04],
  ['Marketo', 0.1, 0.03],
  ['Gong', 0.08, 0.01],
  ['Outreach', 0.08, 0.01],
  ['SAP', 0.02, 0.12],
  ['Oracle', 0.02, 0.08],
  ['Microsoft Dynamics', 0.03, 0.1],
  ['Shopify', 0.03, 0.06],
  ['Zendesk', 0.12, 0.08],
];
export const PERSONAL_DOMAINS: Weighted<string> = [
  ['gmail.com', 50],
  ['yahoo.com', 14],
  ['hotmail.com', 12],
  ['outlook.com', 12],
  ['icloud.com', 6],
  ['proton.me', 3],
];
export const SENIORITIES: Weighted<string | null> = [
  ['C_LEVEL', 5],
  ['VP', 8],
  ['DIRECTOR', 14],
  ['MANAGER', 24],
  ['INDIVIDUAL', 40],
  ['STUDENT', 3],
  [null, 6],
];
export const BUDGET_SHARE: Readonly<Record<string, number>> = {
  C_LEVEL: 0.85,
  VP: 0.7,
  DIRECTOR: 0.5,
  MANAGER: 0.2,
  INDIVIDUAL: 0.03,
  STUDENT: 0,
};
/** Revenue departments are the buyers; ICP-like companies send more of them. */
export const ICP_DEPARTMENTS: Weighted<string> = [
  ['Marketing', 30],
  ['Sales', 26],
  ['Operations', 14],
  ['Executive', 8],
  ['Engineering', 10],
  ['IT', 6],
  ['Finance', 6],
];
export const OTHER_DEPARTMENTS: Weighted<string> = [
  ['Marketing', 18],
  ['Sales', 14],
  ['Engineering', 20],
  ['Operations', 12],
  ['IT', 12],
  ['Finance', 9],
  ['Product', 7],
  ['HR', 6],
  ['Executive', 2],
];
export const CHIEF: Readonly<Record<string, string>> = {
  Marketing: 'Chief Marketing Officer',
  Sales: 'Chief Revenue Officer',
  Engineering: 'CTO',
  IT: 'CIO',
  Finance: 'CFO',
  Operations: 'COO',
  Product: 'Chief Product Officer',
  HR: 'Chief People Officer',
  Executive: 'CEO',
};
export const INDIVIDUAL_TITLES: Readonly<Record<string, readonly string[]>> = {
  Marketing: ['Marketing Specialist', 'Growth Marketer', 'Demand Generation Specialist'],
  Sales: ['Account Executive', 'Sales Development Representative', 'Customer Success Manager'],
  Engineering: ['Software Engineer', 'Senior Software Engineer', 'Data Engineer'],
  Operations: ['Revenue Operations Analyst', 'Operations Analyst', 'Business Analyst'],
  IT: ['Systems Administrator', 'IT Specialist', 'Security Analyst'],
  Finance: ['Financial Analyst', 'Accountant', 'Controller'],
  Product: ['Product Manager', 'Product Designer'],
  HR: ['Recruiter', 'HR Business Partner'],
  Executive: ['Chief of Staff', 'Executive Assistant'],
};
export const SOURCES: Weighted<string> = [
  ['Website', 30],
  ['Webinar', 10],
  ['Events', 9],
  ['Paid Search', 15],
  ['Content', 12],
  ['Referral', 7],
  ['Partner', 5],
  ['Import', 8],
];
export const CAMPAIGNS: Weighted<string | null> = [
  ['Q4 pricing webinar', 3],
  ['RevOps guide', 4],
  ['Spring launch', 3],
  ['ABM tier 1', 2],
  ['Retargeting EMEA', 2],
  [null, 4],
];
export const FIRST_NAMES =
  'Ava Liam Sofia Noah Mia Lucas Emma Mateo Olivia Ethan Amara Yuki Chen Priya Arjun Fatima Omar Lena Jonas Elif Hannah Diego Camila Kofi Aisha Ivan Marta Pierre Chloe Sven Ingrid Tomas Zara Ravi Mei Kenji Nora Luca Ana Felix'.split(
    ' ',
  );
export const LAST_NAMES =
  'Chen Okafor Rossi Schmidt Dubois Smith Garcia Müller Kowalski Nguyen Patel Kim Silva Jensen Novak Haddad Tanaka Ibrahim Larsen Moreau Fischer Costa Ahmed Brown Wilson Martin Lopez Singh Andersson Ferrari OBrien Yilmaz Sato Walker Young Hughes Rivera Cohen Berg Varga'.split(
    ' ',
  );
export const COMPANY_WORDS =
  'North Blue Kestrel Lumen Pine Orbital Quill Vantage Harbor Summit Cedar Atlas Nimbus Vertex Beacon Granite Falcon Meridian Nova Ember Crescent Aurora Willow Cobalt Sierra Maple Onyx Tidal Zenith Prairie'.split(
    ' ',
  );
export const COMPANY_KINDS =
  'Analytics Bank Robotics Health Software Logistics Media Cloud Labs Systems Foods Energy Retail Partners Works Group Capital Networks Studios Dynamics'.split(
    ' ',
  );
/** Why opportunities are lost, most common first. */
export const LOST_REASONS: Weighted<string> = [
  ['Chose a competitor', 30],
  ['No decision: stayed with the status quo', 25],
  ['Budget cut', 15],
  ['Price too high', 15],
  ['Timing: project postponed', 15],
];
/** Rejection notes reps leave, by reason key of the starter agreement (other keys get none). */
export const REJECTION_NOTES: Readonly<Record<string, readonly string[]>> = {
  'not-ready': ['Researching, no project yet', 'Call back next quarter', 'Just browsing the pricing page'],
  'no-budget': ['Budget frozen until next fiscal year', 'No budget this year'],
  'wrong-contact': ['Not the buyer; asked for an intro to their head of revenue', 'Intern, passed along'],
  'not-icp': ['Too small for us', 'Outside our markets', 'Personal project'],
  competitor: ['Works at a competitor', 'Agency partner, not a buyer'],
};

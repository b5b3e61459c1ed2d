/** Weighted choices: each value with its relative weight (or, for TECHNOLOGIES, the share of companies). */
export type Weighted<T> = readonly (readonly [T, number])[];

// The vocabulary generated leads are drawn from, weighted roughly like a B2B marketing database.

export const INDUSTRIES: Weighted<string> = [
  ['Software', 12],
  ['SaaS', 6],
  ['Internet', 5],
  ['Financial Services', 9],
  ['Healthcare', 9],
  ['Manufacturing', 10],
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
  ['Automotive', 2],
  ['Pharmaceuticals', 2],
  ['Consulting', 4],
];
export const COUNTRIES: Weighted<string> = [
  ['US', 35],
  ['GB', 8],
  ['DE', 8],
  ['FR', 5],
  ['CA', 5],
  ['IN', 6],
  ['BR', 4],
  ['NL', 3],
  ['AU', 3],
  ['ES', 3],
  ['IT', 3],
  ['JP', 3],
  ['SE', 2],
  ['CH', 2],
  ['MX', 2],
  ['PL', 2],
  ['IE', 1],
  ['BE', 1],
  ['DK', 1],
  ['SG', 1],
  ['ZA', 1],
  ['AT', 1],
];
/** Each technology is used by that share of companies. */
export const TECHNOLOGIES: Weighted<string> = [
  ['Google Analytics', 0.5],
  ['AWS', 0.4],
  ['Slack', 0.35],
  ['Salesforce', 0.25],
  ['Jira', 0.25],
  ['HubSpot', 0.2],
  ['Azure', 0.2],
  ['Microsoft Dynamics', 0.08],
  ['GCP', 0.1],
  ['Zendesk', 0.1],
  ['Snowflake', 0.08],
  ['Stripe', 0.08],
  ['SAP', 0.07],
  ['Marketo', 0.06],
  ['Intercom', 0.06],
  ['Oracle', 0.06],
  ['Segment', 0.05],
  ['Shopify', 0.05],
  ['Workday', 0.05],
  ['Pardot', 0.04],
  ['Adobe Experience Manager', 0.03],
  ['Gong', 0.03],
  ['Outreach', 0.03],
  ['Tableau', 0.06],
];
export const PERSONAL_DOMAINS: Weighted<string> = [
  ['gmail.com', 45],
  ['yahoo.com', 15],
  ['hotmail.com', 12],
  ['outlook.com', 12],
  ['icloud.com', 6],
  ['gmx.de', 4],
  ['proton.me', 3],
  ['aol.com', 3],
];
export const SENIORITY: Weighted<string | null> = [
  ['C_LEVEL', 4],
  ['VP', 7],
  ['DIRECTOR', 12],
  ['MANAGER', 22],
  ['INDIVIDUAL', 45],
  ['STUDENT', 3],
  [null, 7],
];
export const BUDGET_SHARE: Record<string, number> = {
  C_LEVEL: 0.8,
  VP: 0.65,
  DIRECTOR: 0.45,
  MANAGER: 0.2,
  INDIVIDUAL: 0.04,
  STUDENT: 0,
};
export const DEPARTMENTS: Weighted<string | null> = [
  ['Marketing', 22],
  ['Sales', 20],
  ['Engineering', 18],
  ['Operations', 10],
  ['IT', 8],
  ['Finance', 7],
  ['Product', 6],
  ['HR', 5],
  ['Executive', 4],
  [null, 5],
];
export const CHIEF: Record<string, string> = {
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
export const INDIVIDUAL_TITLES: Record<string, readonly string[]> = {
  Marketing: [
    'Marketing Specialist',
    'Growth Marketer',
    'Content Marketing Lead',
    'Demand Generation Specialist',
  ],
  Sales: ['Account Executive', 'Sales Development Representative', 'Customer Success Manager'],
  Engineering: [
    'Software Engineer',
    'Senior Software Engineer',
    'Data Engineer',
    'Site Reliability Engineer',
  ],
  Operations: ['Revenue Operations Analyst', 'Operations Analyst', 'Business Analyst'],
  IT: ['Systems Administrator', 'IT Specialist', 'Security Analyst'],
  Finance: ['Financial Analyst', 'Accountant', 'Controller'],
  Product: ['Product Manager', 'Product Designer', 'UX Researcher'],
  HR: ['Recruiter', 'HR Business Partner'],
  Executive: ['Chief of Staff', 'Executive Assistant'],
};
export const SIGNAL_TYPES: Weighted<string> = [
  ['EMAIL_CLICK', 30],
  ['PRICING_PAGE_VISIT', 14],
  ['CONTENT_DOWNLOAD', 14],
  ['WEBINAR_ATTENDED', 6],
  ['TOPIC_SURGE', 6],
  ['DEMO_REQUEST', 2],
  ['EMAIL_SENT', 16],
  ['CALL_MADE', 8],
  ['MEETING_BOOKED', 4],
];
export const SOURCES: Weighted<string | null> = [
  ['Website', 30],
  ['Webinar', 10],
  ['Events', 10],
  ['Paid Search', 15],
  ['Content', 12],
  ['Referral', 6],
  ['Import', 10],
  ['Partner', 4],
  [null, 3],
];
export const CAMPAIGNS = [
  'Q4 pricing webinar',
  'RevOps guide',
  'Spring launch',
  'ABM tier 1',
  'Retargeting EMEA',
  null,
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

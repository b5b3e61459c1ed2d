import { Random } from './random';
import {
  BUDGET_SHARE,
  CAMPAIGNS,
  CHIEF,
  COMPANY_KINDS,
  COMPANY_WORDS,
  CORE_COUNTRIES,
  FIRST_NAMES,
  ICP_DEPARTMENTS,
  ICP_INDUSTRIES,
  INDIVIDUAL_TITLES,
  LAST_NAMES,
  OTHER_COUNTRIES,
  OTHER_DEPARTMENTS,
  OTHER_INDUSTRIES,
  PERSONAL_DOMAINS,
  SENIORITIES,
  SOURCES,
  TECHNOLOGIES,
} from './vocabulary';

/** A company leads work at; `icp` marks those drawn from the markets the demo agreement rewards. */
export interface Company {
  icp: boolean;
  name: string;
  domain: string;
  employees: number | null;
  revenue: number | null;
  industry: string | null;
  country: string | null;
  technologies: string[];
}

/** The share of companies that look like the ideal customer. */
const ICP_SHARE = 0.35;

/** `count` companies, the same for the same seed; about a third ICP-like. */
export function makeCompanies(count: number, seed: number): Company[] {
  const random = new Random(seed ^ 0x5eed);
  return Array.from({ length: count }, (_, index) => {
    const icp = random.chance(ICP_SHARE);
    const name = `${random.item(COMPANY_WORDS)} ${random.item(COMPANY_KINDS)}`;
    // ICP-like: 50–1,000 employees mostly; others: log-normal around 60 with a long tail both ways.
    const employees = icp
      ? Math.round(Math.exp(random.between(Math.log(40), Math.log(1500))))
      : Math.min(300_000, Math.max(1, Math.round(Math.exp(4.1 + 1.7 * random.normal()))));
    const revenuePerHead = Math.exp(Math.log(icp ? 180_000 : 120_000) + 0.5 * random.normal());
    return {
      icp,
      name,
      domain: `${name.toLowerCase().replace(/\s+/g, '-')}-${index.toString(36)}.example`,
      employees: random.chance(0.06) ? null : employees,
      revenue: random.chance(0.12) ? null : Math.round((employees * revenuePerHead) / 1000) * 1000,
      industry: random.chance(0.05) ? null : random.weighted(icp ? ICP_INDUSTRIES : OTHER_INDUSTRIES),
      country: random.chance(0.03)
        ? null
        : random.weighted(icp || random.chance(0.5) ? CORE_COUNTRIES : OTHER_COUNTRIES),
      technologies: TECHNOLOGIES.filter(([, icpShare, otherShare]) =>
        random.chance(icp ? icpShare : otherShare),
      ).map(([tech]) => tech),
    };
  });
}

export interface Contact {
  firstName: string;
  lastName: string;
  email: string;
  personal: boolean;
  title: string | null;
  seniority: string | null;
  department: string | null;
  budgetAuthority: boolean | null;
  source: string;
  campaign: string | null;
  /** The company as enrichment knows it (most personal mailboxes still resolve to their employer). */
  known: boolean;
}

function titleFor(seniority: string | null, department: string, random: Random): string | null {
  if (random.chance(0.05)) return null;
  switch (seniority) {
    case 'C_LEVEL':
      return CHIEF[department] ?? 'CEO';
    case 'VP':
      return random.chance(0.5) ? `VP ${department}` : `Vice President of ${department}`;
    case 'DIRECTOR':
      return random.chance(0.5) ? `Director of ${department}` : `${department} Director`;
    case 'MANAGER':
      return `${department} Manager`;
    case 'STUDENT':
      return random.item(['Student', 'MBA Candidate', 'Intern']);
    default:
      return random.item(INDIVIDUAL_TITLES[department] ?? ['Analyst']);
  }
}

/** A person at `company`; unique e-mail by `index`. */
export function makeContact(company: Company, index: number, random: Random): Contact {
  const firstName = random.item(FIRST_NAMES);
  const lastName = random.item(LAST_NAMES);
  const personal = random.chance(company.icp ? 0.06 : 0.16);
  const local = `${firstName}.${lastName}.${index.toString(36)}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9.]/g, '');
  const seniority = random.weighted(SENIORITIES);
  const department = random.weighted(company.icp ? ICP_DEPARTMENTS : OTHER_DEPARTMENTS);
  return {
    firstName,
    lastName,
    email: `${local}@${personal ? random.weighted(PERSONAL_DOMAINS) : company.domain}`,
    personal,
    title: titleFor(seniority, department, random),
    seniority,
    department: random.chance(0.04) ? null : department,
    budgetAuthority:
      seniority === null || random.chance(0.25) ? null : random.chance(BUDGET_SHARE[seniority] ?? 0),
    source: random.weighted(SOURCES),
    campaign: random.weighted(CAMPAIGNS),
    known: !personal || random.chance(0.7),
  };
}

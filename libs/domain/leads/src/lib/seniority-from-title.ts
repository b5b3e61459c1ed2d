import type { Seniority } from '@accord/domain/agreement';

/**
 * The words of a job title that name a level, most senior reading first. A web form or a CRM export usually has
 * "VP Marketing" and no seniority, and an agreement's seniority criterion would give such a lead nothing. The order
 * matters: "Vice President" holds "President", "Head of Sales Operations" holds no manager word but is a VP's role,
 * and "Senior Engineering Manager" is a manager, not a senior individual.
 */
const LEVELS: readonly (readonly [Seniority, RegExp])[] = [
  ['VP', /\b(vice[\s-]?president|[sea]?vp|head of)\b/],
  [
    'C_LEVEL',
    /\b(chief|c[efmoirt]o|ciso|cxo|co-?founder|founder|founding partner|managing partner|managing director|president|geschaftsfuhrer|pdg|directeur general|(?<!(product|process|service|data|business process) )owner)\b/,
  ],
  ['DIRECTOR', /\b(director|directeur|directrice|direktor|directora?)\b/],
  ['MANAGER', /\b(manager|supervisor|team lead|team leader|teamleiter|gerente|responsable)\b/],
  ['STUDENT', /\b(student|intern|internship|trainee|apprentice|werkstudent|stagiaire|praktikant)\b/],
  [
    'INDIVIDUAL',
    /\b(specialist|analyst|engineer|developer|coordinator|associate|representative|consultant|designer|administrator|accountant|account executive|sdr|bdr|strategist|scientist|architect)\b/,
  ],
];

/** "assistant to the CEO" works for a C-level; it is not one. */
const WORKS_FOR = /\b(assistant|secretary|office) (to|of)\b/;

/**
 * The seniority a job title names ("VP Marketing" → VP, "Chief Revenue Officer" → C_LEVEL, "Marketing Intern" →
 * STUDENT), or null when it names none — a guess would give points the agreement did not mean to give.
 */
export function seniorityFromTitle(title: string | null | undefined): Seniority | null {
  if (!title) return null;
  // Accents off and lower case, so that "Geschäftsführer" and "Directeur Général" read as their plain spellings.
  const words = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, ' ');
  if (WORKS_FOR.test(words)) return null;
  for (const [level, pattern] of LEVELS) if (pattern.test(words)) return level;
  return null;
}

/**
 * Whether a stored seniority is the one the stored title names — read from it, or as good as — so that a new title
 * may replace it; a seniority a person chose against the title stays.
 */
export function impliedSeniority(stored: { title: unknown; seniority: unknown }): boolean {
  const title = typeof stored.title === 'string' ? stored.title : null;
  return stored.seniority !== null && stored.seniority === seniorityFromTitle(title);
}

export * from './lib/model';
export * from './lib/random';
export * from './lib/calendar';
export { type Company, makeCompanies } from './lib/people';
export * from './lib/generate';
export { leadFacts, summaryOf } from './lib/lead-row';
export {
  CHIEF,
  COMPANY_KINDS,
  COMPANY_WORDS,
  FIRST_NAMES,
  INDIVIDUAL_TITLES,
  LAST_NAMES,
} from './lib/vocabulary';

export * from './lib/model';
export * from './lib/random';
export * from './lib/calendar';
export { type Company, makeCompanies } from './lib/people';
export * from './lib/generate';
export { leadFacts, summaryOf } from './lib/lead-row';

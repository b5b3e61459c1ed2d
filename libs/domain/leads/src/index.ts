export * from './lib/stages';
export * from './lib/countries';
export * from './lib/lead-input';
export * from './lib/domains';
export * from './lib/signal-input';
export * from './lib/signal-summary';
export * from './lib/seniority-from-title';
export * from './lib/company-facts';

export * from './lib/decision';
export * from './lib/priority';
export * from './lib/qualification';
export * from './lib/routing';
export * from './lib/sla';

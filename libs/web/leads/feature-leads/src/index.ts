export * from './lib/leads.routes';

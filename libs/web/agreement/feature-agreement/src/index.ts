export * from './lib/agreement.routes';

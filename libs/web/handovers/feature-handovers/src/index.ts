export * from './lib/handovers.routes';

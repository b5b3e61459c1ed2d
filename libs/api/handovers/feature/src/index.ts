export * from './lib/handovers.module';
export * from './lib/handover-opener';
export * from './lib/handover-expirer';
export * from './lib/handovers.service';
export * from './lib/qualification.service';

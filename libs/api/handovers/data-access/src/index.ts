export * from './lib/handover.entity';
export * from './lib/handover-event.entity';
export * from './lib/routing-state.entity';
export * from './lib/qualification.entity';
export * from './lib/handovers-entities';
export * from './lib/handovers.repository';
export * from './lib/handovers-data-access.module';

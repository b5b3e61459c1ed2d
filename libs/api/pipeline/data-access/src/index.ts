export * from './lib/meeting.entity';
export * from './lib/opportunity.entity';
export * from './lib/opportunity-transition.entity';
export * from './lib/pipeline-entities';
export * from './lib/meetings.repository';
export * from './lib/opportunities.repository';
export * from './lib/pipeline-data-access.module';

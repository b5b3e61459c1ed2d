export * from './lib/calendar-date';
export * from './lib/meetings';
export * from './lib/opportunities';
export * from './lib/utc-minute';
export * from './lib/pipeline-access';

export * from './lib/calendar-date';
export * from './lib/meetings';
export * from './lib/opportunities';
export * from './lib/utc-minute';

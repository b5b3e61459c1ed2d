export * from './lib/lead-meetings.store';
export * from './lib/lead-opportunity.store';
export * from './lib/lead-timeline.store';
export * from './lib/pipeline-changes';
export * from './lib/pipeline-wording';
export * from './lib/workspace-time';
export * from './lib/pipeline-access';
export * from './lib/pipeline-owners';

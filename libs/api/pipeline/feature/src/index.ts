export * from './lib/pipeline.module';
export * from './lib/meetings.service';
export * from './lib/opportunities.service';
export * from './lib/lead-timeline.service';

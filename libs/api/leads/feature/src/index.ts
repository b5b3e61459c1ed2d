export * from './lib/leads.module';
export * from './lib/leads.service';
export * from './lib/signal-ingestion.service';
export * from './lib/rescore.worker';
export * from './lib/ingestion.controller';
export * from './lib/leads-demo.seeder';
export * from './lib/rescore-rows';
export * from './lib/signal-applier';

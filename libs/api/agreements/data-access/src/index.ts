export * from './lib/agreement-version.entity';
export * from './lib/agreement-signature.entity';
export * from './lib/agreement-event.entity';
export * from './lib/agreements.repository';
export * from './lib/published-documents';
export * from './lib/agreements-data-access.module';

export * from './lib/agreements.module';
export * from './lib/agreements.service';
export * from './lib/agreement-demo.seeder';

export * from './lib/dashboard.module';
export * from './lib/dashboard.service';

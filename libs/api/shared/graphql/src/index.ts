export * from './lib/app-error';
export * from './lib/client-error';
export * from './lib/graphql-setup.module';
export * from './lib/pagination';
export * from './lib/validation';
export * from './lib/enums';
export * from './lib/domain-enums';

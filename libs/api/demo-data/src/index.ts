export * from './lib/tables';
export * from './lib/workspace-plan';
export * from './lib/write-workspace';

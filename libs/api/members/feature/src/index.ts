export * from './lib/members.module';
export * from './lib/demo-workspace.seeder';

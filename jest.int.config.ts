// Integration tests: services with their real repositories on real PostgreSQL (DATABASE_URL) or the embedded one.
export default {
  displayName: 'integration',
  preset: './jest.preset.js',
  rootDir: '.',
  roots: ['<rootDir>/libs'],
  testMatch: ['**/*.int-spec.ts'],
  globalSetup: '<rootDir>/tools/testing/global-setup.js',
  testTimeout: 30_000,
  maxWorkers: 2,
};

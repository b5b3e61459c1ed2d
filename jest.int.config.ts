// Integration tests: services with their real repositories on real PostgreSQL (DATABASE_URL) or the embedded one;
// apps/api's boot the whole product in-process over real HTTP (limits, timeouts, faults, shutdown).
export default {
  displayName: 'integration',
  preset: './jest.preset.js',
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps/api'],
  testMatch: ['**/*.int-spec.ts'],
  globalSetup: '<rootDir>/tools/testing/global-setup.js',
  testTimeout: 30_000,
  maxWorkers: 2,
};

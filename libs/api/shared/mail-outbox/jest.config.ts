export default {
  displayName: 'api-shared-mail-outbox',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

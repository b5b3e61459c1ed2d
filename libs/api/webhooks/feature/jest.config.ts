export default {
  displayName: 'api-webhooks-feature',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

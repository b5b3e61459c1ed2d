export default {
  displayName: 'api-leads-feature',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

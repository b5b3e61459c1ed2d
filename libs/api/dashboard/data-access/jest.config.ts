export default {
  displayName: 'api-dashboard-data-access',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

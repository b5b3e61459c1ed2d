export default {
  displayName: 'api-pipeline-feature',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

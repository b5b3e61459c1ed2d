// Jest settings for Angular projects: jest-preset-angular compiles components (templates included) in jsdom.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('./paths');

function angularJestConfig(displayName, projectDir) {
  return {
    displayName,
    rootDir: projectDir,
    preset: 'jest-preset-angular',
    testEnvironment: 'jsdom',
    setupFilesAfterEnv: [path.join(__dirname, 'setup-angular.ts')],
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    transform: {
      '^.+\\.(ts|mjs|js|html)$': [
        'jest-preset-angular',
        { tsconfig: '<rootDir>/tsconfig.json', stringifyContentPathRegex: '\\.(html|svg)$' },
      ],
    },
    transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
    moduleNameMapper: pathsToModuleNameMapper(),
  };
}

module.exports = { angularJestConfig };

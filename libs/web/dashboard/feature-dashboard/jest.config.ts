// eslint-disable-next-line @typescript-eslint/no-require-imports
const { angularJestConfig } = require('../../../../tools/jest/angular');

const base = angularJestConfig('web-dashboard-feature-dashboard', __dirname);

// The charts render for real: d3's internmap ships ES modules as .js, so it is compiled like the .mjs files.
export default { ...base, transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|internmap/))'] };

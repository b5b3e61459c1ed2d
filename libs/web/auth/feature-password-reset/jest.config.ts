// eslint-disable-next-line @typescript-eslint/no-require-imports
const { angularJestConfig } = require('../../../../tools/jest/angular');

export default angularJestConfig('web-auth-feature-password-reset', __dirname);

// Lint for the Angular projects: the workspace rules plus Angular's, including template accessibility checks.
import angular from 'angular-eslint';

import rootConfig from '../../eslint.config.mjs';

export default [
  ...rootConfig,
  ...angular.configs.tsRecommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-standalone': 'error',
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'accord', style: 'kebab-case' },
      ],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'accord', style: 'camelCase' },
      ],
    },
  },
  ...[...angular.configs.templateRecommended, ...angular.configs.templateAccessibility].map((config) => ({
    ...config,
    files: ['**/*.html'],
  })),
];

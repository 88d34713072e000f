import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.test-data/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest modules and DTOs are classes with only decorators.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  // Layers (docs/architecture.md): libraries never reach into apps, apps never into each other, and the domain
  // libraries stay free of frameworks and I/O.
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/apps/**'], message: 'libs must not import apps' }] },
      ],
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/src/**', '**/projector/src/**'],
              message: 'an app must not import another app: move the shared code into libs/',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/src/**', '**/projector/src/**'],
              message: 'an app must not import another app: move the shared code into libs/',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/projector/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/src/**', '**/cli/src/**'],
              message: 'an app must not import another app: move the shared code into libs/',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/{appraisal,organization,policy,competency,audits,shared-kernel}/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/apps/**'], message: 'libs must not import apps' },
            {
              group: [
                '@nestjs/*',
                'kysely',
                'pg',
                'node:fs',
                'node:fs/*',
                'node:net',
                'node:http',
                'fastify',
                '**/event-store/**',
                '**/read-models/**',
                '**/database/**',
                '**/runtime/**',
              ],
              message: 'domain libraries are pure: no framework, SQL or I/O (docs/architecture.md)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);

// Flat config. The one architectural rule that lint enforces: src/machines is pure domain code
// (design.md §2) and may not import NestJS, TypeORM, BullMQ or anything doing I/O.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.klachtregie/**',
      'test/artifacts/**',
      'src/modules/web/assets/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config (validated once at boot).' },
      ],
    },
  },
  {
    files: ['src/machines/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'bullmq/*', 'ioredis', 'pg', 'express'],
              message: 'src/machines is pure: no NestJS, TypeORM, BullMQ or I/O (design.md §2).',
            },
            {
              group: ['../modules/*', '../jobs/*', '../database/*', '../../modules/*', '../../jobs/*', '../../database/*'],
              message: 'src/machines may only import its own pure code.',
            },
          ],
        },
      ],
    },
  },
);

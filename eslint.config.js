// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'out/', 'console/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // law/ and calendar/ are the pure core: no I/O, nothing from the outer layers.
    files: ['src/law/**/*.ts', 'src/calendar/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:fs*', 'node:net', 'node:http*', 'node:child_process', 'fs', 'pg', '@electric-sql/*', 'drizzle-orm*', 'fastify*'], message: 'law/ and calendar/ do no I/O.' },
            { group: ['../report/*', '../requests/*', '../db/*', '../http/*', '../cli/*', '../catalogue/*', '../appeals/*', '../register/*'], message: 'law/ and calendar/ import nothing from the outer layers.' },
          ],
        },
      ],
    },
  },
  { files: ['eslint.config.js', 'bin/*.js', 'scripts/*.js'], rules: { 'no-restricted-syntax': 'off' } },
  // The staff console runs in the browser.
  { files: ['console/src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
);

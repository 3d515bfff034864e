// @ts-check
/**
 * eslint for story-desk: eslint's and typescript-eslint's recommended rules, type-checked where
 * they catch real bugs (a promise nobody awaits, an `any` leaking from JSON into typed code).
 * The layer order of imports is checked by dependency-cruiser (.dependency-cruiser.cjs), not here.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'corpus/', 'test/fixtures/', 'bench/out/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A caught error is re-rejected as it came.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Off: `async` is used on purpose to turn a throw into a rejection, and the desk's interface is async.
      '@typescript-eslint/require-await': 'off',
      // Off: text cleaning matches control characters on purpose (NUL, C0 controls).
      'no-control-regex': 'off',
      // Off: Discord's API sends plain numbers where discord.js declares enums; comparing them is the point.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    // One owner of the environment: every variable is read and checked in src/runtime/env.ts (tests may set them).
    files: ['src/**/*.ts', 'commands/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/runtime/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment through src/runtime/env.ts, which checks every variable.' },
      ],
    },
  },
  {
    // Tests read JSON (answers, emulator payloads) and use vitest's asymmetric matchers, which are `any`:
    // the assertions check the shapes, so the no-unsafe-* rules would only add casts.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly' } },
  },
);

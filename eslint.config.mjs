import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// lib/ is pure: no React or Next anywhere in it.
const PURE_LIB_PATHS = [
  { name: 'react', message: 'lib/ is pure: no React here.' },
  { name: 'react-dom', message: 'lib/ is pure: no React here.' },
];
const PURE_LIB_PATTERNS = [{ group: ['next', 'next/*'], message: 'lib/ is pure: no Next here.' }];

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'out/', 'out-*/', 'test-results/', 'playwright-report/', 'next-env.d.ts', 'public/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // lib/ is pure: no React, Next or DOM-bound packages; Plot only in lib/charts, Dexie only in lib/store.
    files: ['lib/**/*.ts'],
    ignores: ['lib/charts/**', 'lib/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...PURE_LIB_PATHS,
            { name: 'dexie', message: 'Only lib/store touches IndexedDB.' },
            { name: '@observablehq/plot', message: 'Plot is imported only in lib/charts.' },
          ],
          patterns: PURE_LIB_PATTERNS,
        },
      ],
    },
  },
  {
    files: ['lib/charts/**/*.ts', 'lib/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: PURE_LIB_PATHS, patterns: PURE_LIB_PATTERNS }],
    },
  },
  {
    // lib/ also runs in Node and in workers: no page globals. Charts take a `document` argument
    // (the browser's, or linkedom's in Node); the import graph and layers are checked in tests/unit/project.test.ts.
    files: ['lib/**/*.{ts,mts}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'history', 'alert', 'HTMLElement', 'Element'].map((name) => ({
          name,
          message: `lib/ is DOM-free: no global ${name} (take what you need as an argument).`,
        })),
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        setTimeout: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', exports: 'writable', require: 'readonly' } },
    // CommonJS files (next.config.js) load their helpers with require().
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

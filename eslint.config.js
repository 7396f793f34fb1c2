import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** React and the libraries built on it: src/core must run without any of them. */
const reactPackages = {
  regex: String.raw`^(?:react|react-dom|react-hook-form)(?:/|$)|^@tanstack/`,
  message: 'src/core is plain TypeScript: React, react-dom, TanStack and react-hook-form belong in src/react.',
}

/** Relative imports of the components folder, from any depth. */
const componentsFolder = {
  regex: String.raw`^\.{1,2}/(?:.*/)?components(?:/|$)`,
  message: 'Components sit on top of the hooks and the core: import them only from src/components and the entries.',
}

/** Relative imports of the hooks folder, from any depth. */
const reactFolder = {
  regex: String.raw`^\.{1,2}/(?:.*/)?react(?:/|$)`,
  message: 'src/core must not depend on src/react.',
}

export default defineConfig([
  globalIgnores([
    'dist/',
    '.bench-hosts/',
    'node_modules/',
    'storybook-static/',
    'coverage/',
    'demo-dist/',
    'public/mockServiceWorker.js',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The two classic rules, at error: a hook called conditionally, or an
    // effect that reads a value it does not list, is a bug waiting for a
    // re-render. (The React Compiler rules of the plugin's recommended set
    // are left out: the kit is not compiled.) Tests and scripts name vitest
    // and build helpers `use…`, which are not React hooks.
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}', 'demo/**/*.{ts,tsx}', 'test/readme/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Later objects replace this rule rather than merge with it, so each
    // folder lists every restriction that applies to it.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [reactPackages, componentsFolder, reactFolder] }],
    },
  },
  {
    files: ['src/react/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [componentsFolder] }],
    },
  },
])
